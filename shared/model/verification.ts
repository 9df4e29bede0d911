import { z } from 'zod';

/**
 * The 64 SAS emoji of the Matrix spec (`data-definitions/sas-emoji.json`), in spec order,
 * as keys the renderer translates (`sasEmoji.<key>`); the spec's English names are in
 * `en.json`, its Indonesian ones in `id.json`.
 */
export const SAS_EMOJI_KEYS = [
  'dog',
  'cat',
  'lion',
  'horse',
  'unicorn',
  'pig',
  'elephant',
  'rabbit',
  'panda',
  'rooster',
  'penguin',
  'turtle',
  'fish',
  'octopus',
  'butterfly',
  'flower',
  'tree',
  'cactus',
  'mushroom',
  'globe',
  'moon',
  'cloud',
  'fire',
  'banana',
  'apple',
  'strawberry',
  'corn',
  'pizza',
  'cake',
  'heart',
  'smiley',
  'robot',
  'hat',
  'glasses',
  'spanner',
  'santa',
  'thumbsUp',
  'umbrella',
  'hourglass',
  'clock',
  'gift',
  'lightBulb',
  'book',
  'pencil',
  'paperclip',
  'scissors',
  'lock',
  'key',
  'hammer',
  'telephone',
  'flag',
  'train',
  'bicycle',
  'aeroplane',
  'rocket',
  'trophy',
  'ball',
  'guitar',
  'trumpet',
  'bell',
  'anchor',
  'headphones',
  'folder',
  'pin',
] as const;
export const sasEmojiKey = z.enum(SAS_EMOJI_KEYS);
export type SasEmojiKey = z.infer<typeof sasEmojiKey>;

export const sasEmoji = z.object({
  symbol: z.string(),
  /** The spec's English name, shown when `key` is null (an emoji we do not know). */
  name: z.string(),
  key: sasEmojiKey.nullable(),
});
export type SasEmoji = z.infer<typeof sasEmoji>;

/**
 * One interactive verification as the renderer shows it:
 * - `requested` — sent and waiting for the other side, or received and waiting for us to accept;
 * - `ready` — both sides accepted; either may start comparing emoji;
 * - `started` — the emoji exchange is under way, no emoji yet;
 * - `showingSas` — compare these emoji with the other screen;
 * - `confirmed` — we said they match; waiting for the other side;
 * - `done`, `cancelled` — finished.
 */
export const verificationPhase = z.enum(['requested', 'ready', 'started', 'showingSas', 'confirmed', 'done', 'cancelled']);
export type VerificationPhaseView = z.infer<typeof verificationPhase>;

export const cancelReason = z.enum(['user', 'mismatch', 'timeout', 'other']);
export type CancelReason = z.infer<typeof cancelReason>;

export const verificationView = z.object({
  /** Main's opaque handle; the SDK's request object never leaves main. */
  id: z.string(),
  phase: verificationPhase,
  initiatedByMe: z.boolean(),
  otherUserId: z.string(),
  otherDeviceId: z.string().nullable(),
  /** Between two devices of the signed-in member. */
  selfVerification: z.boolean(),
  emoji: z.array(sasEmoji).nullable(),
  cancelReason: cancelReason.nullable(),
});
export type VerificationView = z.infer<typeof verificationView>;

export const verificationId = z.string().min(1).max(64);
