import { z } from 'zod';
import { connectionState, sessionView, signInInput } from '../model/session.ts';
import { matrixUserId, roomDetails, roomId, roomListEntry } from '../model/room.ts';
import { timelineItem } from '../model/timeline.ts';
import { language, settings } from '../model/settings.ts';
import { listBatch } from '../stream/list-op.ts';

/** The largest request the bridge accepts, in bytes of its serialised form. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Longest message body a member can send; Synapse refuses events over 64 KiB. */
export const MAX_MESSAGE_LENGTH = 32 * 1024;

const none = z.object({}).strict();
const subscriptionRef = z.object({ subscription: z.string().min(1).max(64) }).strict();
const inRoom = z.object({ roomId }).strict();

/**
 * Requests from the renderer to main. Each has exactly one argument object (possibly
 * empty) and a result; main parses the argument with `input` before anything else.
 */
export const requests = {
  'session:get': { input: none, output: sessionView.nullable() },
  'session:signIn': { input: signInInput.strict(), output: sessionView },
  'session:signOut': { input: none, output: z.null() },
  'connection:get': { input: none, output: connectionState },

  'settings:get': { input: none, output: settings },
  'settings:setLanguage': {
    input: z.object({ language: language.nullable() }).strict(),
    output: settings,
  },

  'rooms:subscribe': { input: none, output: subscriptionRef },
  'timeline:subscribe': { input: inRoom, output: subscriptionRef },
  'stream:resync': { input: subscriptionRef.strict(), output: z.null() },
  'stream:unsubscribe': { input: subscriptionRef.strict(), output: z.null() },
  'timeline:paginate': {
    input: inRoom,
    output: z.object({ hasMore: z.boolean() }),
  },

  'room:details': { input: inRoom, output: roomDetails },
  'room:markRead': { input: inRoom, output: z.null() },
  'room:create': {
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        topic: z.string().max(1000).optional(),
        invite: z.array(matrixUserId).max(50).default([]),
      })
      .strict(),
    output: z.object({ roomId: z.string() }),
  },
  'room:createDirect': {
    input: z.object({ userId: matrixUserId }).strict(),
    output: z.object({ roomId: z.string() }),
  },
  'room:invite': {
    input: z.object({ roomId, userId: matrixUserId }).strict(),
    output: z.null(),
  },
  'invite:accept': { input: inRoom, output: z.null() },
  'invite:decline': { input: inRoom, output: z.null() },

  'message:send': {
    input: z
      .object({
        roomId,
        body: z.string().max(MAX_MESSAGE_LENGTH).refine((body) => body.trim().length > 0, 'empty message'),
      })
      .strict(),
    output: z.object({ itemId: z.string() }),
  },
  'message:retry': {
    input: z.object({ roomId, itemId: z.string().min(1).max(300) }).strict(),
    output: z.null(),
  },
  'draft:get': { input: inRoom, output: z.string() },
  'draft:set': {
    input: z.object({ roomId, text: z.string().max(MAX_MESSAGE_LENGTH) }).strict(),
    output: z.null(),
  },
} as const;

/** Streams from main to the renderer. */
export const events = {
  'connection:changed': connectionState,
  'session:changed': sessionView.nullable(),
  'rooms:batch': listBatch(roomListEntry),
  'timeline:batch': listBatch(timelineItem),
} as const;

export type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type RequestInput<C extends RequestChannel> = z.input<Requests[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<Requests[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<Requests[C]['output']>;

export type Events = typeof events;
export type EventChannel = keyof Events;
export type EventPayload<C extends EventChannel> = z.output<Events[C]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export const isRequestChannel = (value: unknown): value is RequestChannel =>
  typeof value === 'string' && Object.hasOwn(requests, value);
export const isEventChannel = (value: unknown): value is EventChannel =>
  typeof value === 'string' && Object.hasOwn(events, value);
