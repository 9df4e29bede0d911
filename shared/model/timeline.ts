import { z } from 'zod';

/** Where a message of ours is on its way to the server. */
export const sendState = z.enum(['sending', 'sent', 'failed']);
export type SendState = z.infer<typeof sendState>;

const base = {
  /** Stable across local echo → remote echo, so the renderer's keys never jump. */
  id: z.string(),
  eventId: z.string().nullable(),
  sender: z.string(),
  senderName: z.string(),
  own: z.boolean(),
  ts: z.number(),
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
    kind: z.literal('membership'),
    change: z.enum(['joined', 'left', 'invited', 'kicked', 'banned', 'declined', 'other']),
    target: z.string(),
  }),
  z.object({ ...base, kind: z.literal('roomCreated') }),
  z.object({ ...base, kind: z.literal('roomRenamed'), name: z.string() }),
  z.object({ ...base, kind: z.literal('encrypted') }),
  z.object({ ...base, kind: z.literal('redacted') }),
  z.object({ ...base, kind: z.literal('unsupported'), type: z.string() }),
]);
export type TimelineItem = z.infer<typeof timelineItem>;
