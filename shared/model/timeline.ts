import { z } from 'zod';
import { errorCode } from '../ipc/errors.ts';
import { mediaKind } from './media.ts';
import { deliveryState, pollView, reactionGroup, readReceipt, replyQuote, threadSummary } from './conversation.ts';

/** Where a message of ours is on its way to the server. */
export const sendState = z.enum(['sending', 'sent', 'failed']);
export type SendState = z.infer<typeof sendState>;

/**
 * A message brought over from a WhatsApp export: who wrote it there and when. The event's
 * own sender is whoever imported it; `sender`/`senderName` of the item already name the
 * original author (the mapped member once they are in the room, else the WhatsApp name).
 */
export const importedFrom = z.object({
  senderName: z.string(),
  /** The original time (epoch ms), as the importer's chosen zone read it. */
  ts: z.number(),
  mappedUserId: z.string().nullable(),
  /** A WhatsApp system line (group created, member added…). */
  system: z.boolean(),
  /** The entry's file is not in the export (or could not be sent): the body says which. */
  mediaMissing: z.string().nullable(),
  deleted: z.boolean(),
  /** Marked as edited in WhatsApp (only the last version was exported). */
  edited: z.boolean(),
  /**
   * Who really sent it (the member who ran the import), shown with the label: any member
   * can put an import block in a message, so the label says whose word it is.
   */
  importedBy: z.string(),
});
export type ImportedFrom = z.infer<typeof importedFrom>;

const base = {
  /** Stable across local echo → remote echo, so the renderer's keys never jump. */
  id: z.string(),
  eventId: z.string().nullable(),
  sender: z.string(),
  senderName: z.string(),
  own: z.boolean(),
  ts: z.number(),
  /** Set on messages imported from WhatsApp (see importedFrom). */
  imported: importedFrom.optional(),
  /** The message this one replies to (`m.in_reply_to`), its fallback already stripped from body and html. */
  replyTo: replyQuote.optional(),
  /** Reactions on it from every client, in the order their first reaction arrived. */
  reactions: z.array(reactionGroup).optional(),
  /** Set on a thread's root: how many replies, and the latest. */
  thread: threadSummary.optional(),
  /** Who has read up to this item (and not further): their receipt sits here. */
  readBy: z.array(readReceipt).optional(),
  /** On this member's newest own message: sent, or read by how many. */
  delivery: deliveryState.optional(),
  /** It mentions this member (m.mentions, @room, or their name in a message without m.mentions). */
  mentionsMe: z.boolean().optional(),
  /** This member may edit it (their own text message) / delete it (their own, or with the power level). */
  canEdit: z.boolean().optional(),
  canRedact: z.boolean().optional(),
};

export const timelineItem = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('message'),
    msgtype: z.enum(['text', 'notice', 'emote']),
    body: z.string(),
    /** Raw `formatted_body`; the renderer sanitises it before showing it. */
    html: z.string().nullable(),
    sendState,
    edited: z.boolean(),
  }),
  z.object({
    ...base,
    kind: z.literal('media'),
    /** `voice` is an m.audio marked as a voice note. */
    msgtype: mediaKind,
    /** What the member wrote with it, or null when the event's body is only the file name. */
    caption: z.string().nullable(),
    filename: z.string(),
    mimetype: z.string().nullable(),
    size: z.number().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
    durationMs: z.number().nullable(),
    sendState,
    /** Why sending failed (`file_too_large`, `upload_failed`, …), for the member's message; null otherwise. */
    error: errorCode.nullable(),
    /**
     * Opaque local URLs main serves the (decrypted) file and its thumbnail at, or null when
     * there is none (yet). Never a homeserver URL: the token and keys stay in main.
     */
    mediaUrl: z.string().nullable(),
    thumbnailUrl: z.string().nullable(),
  }),
  z.object({
    ...base,
    kind: z.literal('membership'),
    change: z.enum(['joined', 'left', 'invited', 'kicked', 'banned', 'declined', 'other']),
    target: z.string(),
  }),
  /** An MSC3381 poll from any client (the Co-op tab's proposals are shown there instead). */
  z.object({ ...base, kind: z.literal('poll'), pollId: z.string(), poll: pollView }),
  z.object({
    ...base,
    kind: z.literal('sticker'),
    body: z.string(),
    mediaUrl: z.string().nullable(),
    width: z.number().nullable(),
    height: z.number().nullable(),
  }),
  /** `m.location`: the description and a `geo:` URI, opened outside (no map tiles are fetched). */
  z.object({ ...base, kind: z.literal('location'), body: z.string(), geoUri: z.string() }),
  z.object({ ...base, kind: z.literal('roomCreated') }),
  z.object({ ...base, kind: z.literal('roomRenamed'), name: z.string() }),
  z.object({ ...base, kind: z.literal('encrypted') }),
  z.object({ ...base, kind: z.literal('redacted') }),
  z.object({ ...base, kind: z.literal('unsupported'), type: z.string() }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;

/** Which way a window grows: towards older events or towards the live end. */
export const paginateDirection = z.enum(['backward', 'forward']);
export type PaginateDirection = z.infer<typeof paginateDirection>;

/**
 * Where a timeline subscription's window sits in the room's history. Main keeps only a
 * bounded window of items per subscription; the renderer asks it to grow one way
 * (`timeline:paginate`), to move (`timeline:jump`) and tells it what is on screen
 * (`timeline:viewport`) so main can drop what is far out of view.
 */
export const timelineWindow = z.object({
  /** Older events exist before the window's first item (locally or on the server). */
  hasOlder: z.boolean(),
  /** The window does not reach the live end: newer events exist after its last item. */
  hasNewer: z.boolean(),
  /** The item the member's read marker sits after (the "new messages" line), or null. */
  readMarkerItemId: z.string().nullable(),
  /** The item a jump asked for, so the renderer scrolls to it and highlights it; else null. */
  focusItemId: z.string().nullable(),
});
export type TimelineWindow = z.infer<typeof timelineWindow>;
