import { z } from 'zod';

/** What the renderer may know about the signed-in account: never a token or key. */
export const sessionView = z.object({
  userId: z.string(),
  deviceId: z.string(),
  homeserverUrl: z.string(),
  displayName: z.string(),
});
export type SessionView = z.infer<typeof sessionView>;

/**
 * The app's connection state as a member sees it. `syncing` carries the initial
 * sync's progress so long first syncs show movement instead of a blank window.
 */
export const connectionState = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signedOut') }),
  z.object({ state: z.literal('starting') }),
  z.object({ state: z.literal('syncing'), roomsLoaded: z.number().int().nonnegative() }),
  z.object({ state: z.literal('online') }),
  z.object({ state: z.literal('offline'), since: z.number() }),
]);
export type ConnectionState = z.infer<typeof connectionState>;

export const signInInput = z.object({
  homeserverUrl: z.string().trim().min(1).max(2048),
  username: z.string().trim().min(1).max(255),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof signInInput>;
