import { z } from 'zod';

/**
 * What a conversation carries beyond a message's own text: replies, reactions, edits,
 * threads, read receipts, typing, mentions, polls and link previews. Main aggregates every
 * relation (from any client) into these plain views; the renderer only shows them.
 */

/** A reaction key is an emoji or short text; anything longer is cut by main, never shown whole. */
export const MAX_REACTION_KEY = 64;
export const reactionKey = z.string().min(1).max(MAX_REACTION_KEY);

/** The message a reply answers, as quoted above it. */
export const replyQuote = z.object({
  /** The original's event id, for jumping to it. */
  eventId: z.string(),
  /** Null while the original is not known here (not loaded, or in another room: never trusted). */
  senderName: z.string().nullable(),
  /** A one-line excerpt of the original's latest text; null when unknown or deleted. */
  excerpt: z.string().nullable(),
  deleted: z.boolean(),
});
export type ReplyQuote = z.infer<typeof replyQuote>;

/** One emoji's reactions on a message, aggregated over every client's `m.annotation`. */
export const reactionGroup = z.object({
  key: z.string().max(MAX_REACTION_KEY),
  count: z.number().int().positive(),
  /** Display names of who reacted, for the tooltip (at most 20; `count` says how many in all). */
  senders: z.array(z.string()).max(20),
  /** Whether this member reacted with it: clicking toggles. */
  mine: z.boolean(),
});
export type ReactionGroup = z.infer<typeof reactionGroup>;

/** A thread's root shows how many replies it has and opens the thread in a side panel. */
export const threadSummary = z.object({
  count: z.number().int().nonnegative(),
  latestSenderName: z.string().nullable(),
  latestExcerpt: z.string().nullable(),
});
export type ThreadSummary = z.infer<typeof threadSummary>;

/** Someone whose read receipt sits on this item (the newest item they have read). */
export const readReceipt = z.object({
  userId: z.string(),
  name: z.string(),
  initials: z.string(),
});
export type ReadReceipt = z.infer<typeof readReceipt>;

/** Where this member's own message is: sent to the server, seen by its device(s), read by N. */
export const deliveryState = z.object({
  state: z.enum(['sent', 'read']),
  /** How many others have read up to it or further. */
  readCount: z.number().int().nonnegative(),
});
export type DeliveryState = z.infer<typeof deliveryState>;

/** One version of an edited message, oldest first. */
export const messageVersion = z.object({
  body: z.string(),
  ts: z.number(),
});
export type MessageVersion = z.infer<typeof messageVersion>;

/** Who is typing in a room now (not this member). */
export const typingState = z.object({
  roomId: z.string(),
  names: z.array(z.string()).max(20),
});
export type TypingState = z.infer<typeof typingState>;

/** A URL's preview, fetched by main through the homeserver's preview endpoint. */
export const linkPreview = z.object({
  url: z.string(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  siteName: z.string().nullable(),
});
export type LinkPreview = z.infer<typeof linkPreview>;

/** An MSC3381 poll from any client, outside the Co-op tab: the question, answers and results. */
export const pollView = z.object({
  question: z.string(),
  answers: z.array(z.object({ id: z.string(), text: z.string(), votes: z.number().int().nonnegative(), mine: z.boolean() })),
  /** `disclosed`: results are shown while open; `undisclosed`: only once ended. */
  kind: z.enum(['disclosed', 'undisclosed']),
  maxSelections: z.number().int().positive(),
  ended: z.boolean(),
  totalVotes: z.number().int().nonnegative(),
});
export type PollView = z.infer<typeof pollView>;

/** A room member offered by the composer's `@` picker. */
export const mentionCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  initials: z.string(),
});
export type MentionCandidate = z.infer<typeof mentionCandidate>;

/** A member mentioned in a message being sent: the composer inserted them as a pill. */
export const mentionInput = z.object({
  userId: z.string().min(3).max(255).startsWith('@'),
  name: z.string().min(1).max(255),
});
export type MentionInput = z.infer<typeof mentionInput>;
