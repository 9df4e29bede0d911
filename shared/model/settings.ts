import { z } from 'zod';

export const language = z.enum(['id', 'en']);
export type Language = z.infer<typeof language>;

/** Settings live in main so every window and every restart sees the same ones. */
export const settings = z.object({
  /** null: follow the OS locale. */
  language: language.nullable(),
  /** Read receipts sent as m.read.private: others do not see how far this member has read. */
  privateReceipts: z.boolean().default(false),
});
export type Settings = z.infer<typeof settings>;
