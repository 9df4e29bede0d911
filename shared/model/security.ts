import { z } from 'zod';

/**
 * Where this device stands with cross-signing and key backup, as a member needs to see it:
 * - `checking` — the first sync is not in yet, or main is asking the server;
 * - `settingUp` — a first device is creating cross-signing keys, secret storage and the backup;
 * - `needsPassword` — that setup needs the account password again (it is kept only briefly after sign-in);
 * - `needsRestore` — the account has a recovery key (set up on another device): entering it restores history;
 * - `restoring` — the recovery key was right; keys are being loaded (see `restoreProgress`);
 * - `unverified` — the account has cross-signing but no recovery key: verify from another device;
 * - `ready` — this device is cross-signed;
 * - `failed` — setting up did not work (network, server); it can be tried again;
 * - `unavailable` — encryption is off for this session.
 */
export const securityPhase = z.enum(['checking', 'settingUp', 'needsPassword', 'needsRestore', 'restoring', 'unverified', 'ready', 'failed', 'unavailable']);
export type SecurityPhase = z.infer<typeof securityPhase>;

export const restoreProgress = z.object({
  stage: z.enum(['fetching', 'loading', 'done']),
  /** Keys loaded so far (successes and failures), out of `total`; 0 of 0 while fetching. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
});
export type RestoreProgress = z.infer<typeof restoreProgress>;

export const securityView = z.object({
  phase: securityPhase,
  /** This device holds the cross-signing keys (or has been signed with them) and trusts them. */
  crossSigningReady: z.boolean(),
  /** Room keys of this device are being backed up to the server. */
  keyBackupEnabled: z.boolean(),
  /** This device is signed by the account's cross-signing identity. */
  deviceVerified: z.boolean(),
  /** A new recovery key is waiting to be shown once (`security:takeRecoveryKey`). */
  recoveryKeyWaiting: z.boolean(),
  restoreProgress: restoreProgress.nullable(),
});
export type SecurityView = z.infer<typeof securityView>;

/** Whether we trust a device or a member: `unknown` when they have no cross-signing identity to check. */
export const trustState = z.enum(['verified', 'unverified', 'unknown']);
export type TrustState = z.infer<typeof trustState>;

export const deviceView = z.object({
  deviceId: z.string(),
  displayName: z.string().nullable(),
  verified: trustState,
  thisDevice: z.boolean(),
});
export type DeviceView = z.infer<typeof deviceView>;

export const roomMemberView = z.object({
  userId: z.string(),
  displayName: z.string(),
  membership: z.enum(['join', 'invite']),
  verified: trustState,
  own: z.boolean(),
});
export type RoomMemberView = z.infer<typeof roomMemberView>;

/**
 * A recovery key as a member types or pastes it: 48 base58 characters, usually in groups
 * of four. Bounded generously; main decodes and checks it.
 */
export const recoveryKeyInput = z.string().trim().min(1).max(200);
