import { z } from 'zod';

export const roomMembership = z.enum(['join', 'invite']);

/** One row of the room list, already sorted and summarised by main. */
export const roomListEntry = z.object({
  id: z.string(),
  name: z.string(),
  initials: z.string(),
  membership: roomMembership,
  isDirect: z.boolean(),
  /** "Sender: text" of the newest message, or null when the room has none yet. */
  preview: z
    .object({
      sender: z.string(),
      body: z.string(),
      own: z.boolean(),
      /** The newest message is encrypted and its key has not arrived: the renderer says so instead of a body. */
      undecryptable: z.boolean().optional(),
    })
    .nullable(),
  unread: z.number().int().nonnegative(),
  /** Unread messages that mention this member (the highlight count), shown apart from `unread`. */
  highlight: z.number().int().nonnegative().default(0),
  lastActivity: z.number(),
  /** Who invited us, for invite rows. */
  inviter: z.string().nullable(),
  encrypted: z.boolean(),
});
export type RoomListEntry = z.infer<typeof roomListEntry>;

export const roomDetails = z.object({
  id: z.string(),
  name: z.string(),
  topic: z.string().nullable(),
  memberCount: z.number().int().nonnegative(),
  isDirect: z.boolean(),
  encrypted: z.boolean(),
  canInvite: z.boolean(),
  /** May delete others' messages (the redact power level). */
  canRedactOthers: z.boolean().default(false),
  /** May mention the whole room with @room (the notifications.room power level). */
  canMentionRoom: z.boolean().default(false),
  /** Link previews are fetched for this room: off by default when encrypted, per-room opt-in. */
  linkPreviews: z.boolean().default(false),
});
export type RoomDetails = z.infer<typeof roomDetails>;

/** Matrix IDs as the spec's grammar allows them (localpart and server name), bounded. */
export const matrixUserId = z
  .string()
  .trim()
  .max(255)
  .regex(/^@[a-z0-9._=\-/+]+:([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/, 'invalid_user_id');

export const roomId = z.string().min(2).max(255).regex(/^!/);
