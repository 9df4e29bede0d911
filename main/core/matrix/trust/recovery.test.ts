import { EventEmitter } from 'node:events';
import type { MatrixClient } from 'matrix-js-sdk';
import { encodeRecoveryKey, ImportRoomKeyStage, type CryptoApi } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it, vi } from 'vitest';
import type { SecurityView } from '../../../../shared/model/security.ts';
import { silentLogger } from '../../ports.ts';
import { PasswordHold } from './password-hold.ts';
import { Recovery, restoreProgressOf } from './recovery.ts';
import { SecretStorageKeys } from './secret-storage-keys.ts';

const RIGHT = Uint8Array.from({ length: 32 }, (_, index) => index + 1);
const RIGHT_KEY = encodeRecoveryKey(RIGHT) ?? '';
const WRONG_KEY = encodeRecoveryKey(Uint8Array.from({ length: 32 }, () => 7)) ?? '';

type Account = {
  crossSigningOnServer: boolean;
  crossSigningReady: boolean;
  secretStorageReady: boolean;
  defaultKeyId: string | null;
  backupInSecretStorage: boolean;
};

/** Just enough of a MatrixClient and its CryptoApi for Recovery: the calls are recorded, the answers come from `account`. */
const fakeClient = (account: Account) => {
  const calls: string[] = [];
  const record = <T>(name: string, value: T) =>
    vi.fn((..._args: unknown[]) => {
      calls.push(name);
      return Promise.resolve(value);
    });
  const crypto = {
    userHasCrossSigningKeys: vi.fn(() => Promise.resolve(account.crossSigningOnServer)),
    isCrossSigningReady: vi.fn(() => Promise.resolve(account.crossSigningReady)),
    isSecretStorageReady: vi.fn(() => Promise.resolve(account.secretStorageReady)),
    getActiveSessionBackupVersion: vi.fn(() => Promise.resolve(account.crossSigningReady ? '1' : null)),
    getDeviceVerificationStatus: vi.fn(() => Promise.resolve({ crossSigningVerified: account.crossSigningReady })),
    getSessionBackupPrivateKey: vi.fn(() => Promise.resolve(null)),
    getCrossSigningStatus: vi.fn(() => Promise.resolve({ privateKeysInSecretStorage: account.defaultKeyId !== null })),
    checkKeyBackupAndEnable: record('checkKeyBackupAndEnable', null),
    bootstrapCrossSigning: vi.fn((_opts: unknown) => {
      calls.push('bootstrapCrossSigning');
      account.crossSigningOnServer = true;
      account.crossSigningReady = true;
      return Promise.resolve();
    }),
    bootstrapSecretStorage: vi.fn(async (opts: { createSecretStorageKey?: () => Promise<unknown> }) => {
      calls.push('bootstrapSecretStorage');
      await opts.createSecretStorageKey?.();
      account.defaultKeyId = 'key1';
      account.secretStorageReady = true;
    }),
    createRecoveryKeyFromPassphrase: vi.fn(() => Promise.resolve({ privateKey: RIGHT, encodedPrivateKey: RIGHT_KEY })),
    loadSessionBackupPrivateKeyFromSecretStorage: record('loadSessionBackupPrivateKeyFromSecretStorage', undefined),
    restoreKeyBackup: vi.fn((opts: { progressCallback?: (progress: unknown) => void }) => {
      calls.push('restoreKeyBackup');
      opts.progressCallback?.({ stage: ImportRoomKeyStage.Fetch });
      opts.progressCallback?.({ stage: ImportRoomKeyStage.LoadKeys, successes: 2, failures: 0, total: 3 });
      return Promise.resolve({ total: 3, imported: 3 });
    }),
  };
  const secretStorage = {
    getDefaultKeyId: vi.fn(() => Promise.resolve(account.defaultKeyId)),
    getKey: vi.fn((keyId: string) => Promise.resolve(keyId === account.defaultKeyId ? [keyId, {}] : null)),
    checkKey: vi.fn((key: Uint8Array) => Promise.resolve(key.every((byte, index) => byte === RIGHT[index]))),
    isStored: vi.fn(() => Promise.resolve(account.backupInSecretStorage ? { key1: {} } : null)),
  };
  // The default key id as the server answers it (GET account_data), which Recovery trusts over the sync cache.
  const http = {
    authedRequest: vi.fn(() => Promise.resolve(account.defaultKeyId === null ? {} : { key: account.defaultKeyId })),
  };
  const client = Object.assign(new EventEmitter(), { getCrypto: () => crypto as unknown as CryptoApi, secretStorage, http }) as unknown as MatrixClient;
  return { client, crypto, calls, http, secretStorage };
};

const setup = (account: Partial<Account> = {}, password: string | null = null) => {
  const state: Account = {
    crossSigningOnServer: false,
    crossSigningReady: false,
    secretStorageReady: false,
    defaultKeyId: null,
    backupInSecretStorage: false,
    ...account,
  };
  const fake = fakeClient(state);
  const hold = new PasswordHold();
  if (password !== null) {
    hold.hold(password);
  }
  const views: SecurityView[] = [];
  const keys = new SecretStorageKeys();
  const recovery = new Recovery({
    client: fake.client,
    userId: '@alice:example.org',
    deviceId: 'DEVICE1',
    keys,
    password: hold,
    logger: silentLogger,
    onChange: (view) => views.push(view),
  });
  return { ...fake, recovery, views, keys, hold };
};

/** An account where another device set up cross-signing and a recovery key. */
const existing: Partial<Account> = { crossSigningOnServer: true, secretStorageReady: true, defaultKeyId: 'key1', backupInSecretStorage: true };

describe("Recovery on the account's first device", () => {
  it('sets up cross-signing, secret storage and a new backup, and hands the recovery key out once', async () => {
    const { recovery, calls, views, hold, keys } = setup({}, 'rahasia');
    await recovery.check();
    expect(calls).toEqual(['bootstrapCrossSigning', 'bootstrapSecretStorage']);
    expect(recovery.view()).toMatchObject({ phase: 'ready', crossSigningReady: true, recoveryKeyWaiting: true });
    expect(views.map((view) => view.phase)).toContain('settingUp');
    expect(recovery.takeRecoveryKey()).toBe(RIGHT_KEY);
    expect(recovery.takeRecoveryKey()).toBeNull();
    expect(recovery.view().recoveryKeyWaiting).toBe(false);
    // Neither the password nor the secret storage key outlive the setup.
    expect(hold.peek()).toBeNull();
    expect(keys.holding).toBe(false);
  });

  it('asks for the password when the server wants it and main no longer has it', async () => {
    const { recovery, crypto } = setup();
    crypto.bootstrapCrossSigning.mockImplementationOnce(async (opts: unknown) => {
      const { authUploadDeviceSigningKeys } = opts as { authUploadDeviceSigningKeys: (make: () => Promise<void>) => Promise<void> };
      const { MatrixError } = await import('matrix-js-sdk');
      await authUploadDeviceSigningKeys(() => Promise.reject(new MatrixError({ session: 's', flows: [] }, 401)));
    });
    await recovery.check();
    expect(recovery.view().phase).toBe('needsPassword');
    await recovery.setUp('rahasia');
    expect(recovery.view()).toMatchObject({ phase: 'ready', recoveryKeyWaiting: true });
  });

  it('never makes a new recovery key because the local cache lacks the old one: the server is asked', async () => {
    const { recovery, calls, secretStorage } = setup({ ...existing, crossSigningReady: true });
    // A sync cache that missed the account data says "no default key"; the server knows better.
    secretStorage.getDefaultKeyId.mockResolvedValue(null);
    await recovery.check();
    expect(calls).toEqual(['checkKeyBackupAndEnable']);
    expect(recovery.view().recoveryKeyWaiting).toBe(false);
  });

  it('decides nothing when the server cannot be asked', async () => {
    const { recovery, calls, http } = setup({ ...existing, crossSigningReady: true });
    http.authedRequest.mockRejectedValueOnce(new Error('offline'));
    await recovery.check();
    expect(calls).toEqual([]);
    expect(recovery.view().phase).toBe('failed');
  });

  it('does nothing more on a device that is already set up', async () => {
    const { recovery, calls } = setup({ ...existing, crossSigningReady: true });
    await recovery.check();
    expect(calls).toEqual(['checkKeyBackupAndEnable']);
    expect(recovery.view()).toMatchObject({ phase: 'ready', recoveryKeyWaiting: false });
  });
});

describe('Recovery on a later device', () => {
  it('offers a restore when the account has a recovery key, and a verification when it has none', async () => {
    const withKey = setup(existing);
    await withKey.recovery.check();
    expect(withKey.recovery.view().phase).toBe('needsRestore');
    expect(withKey.calls).toEqual([]);

    const withoutKey = setup({ crossSigningOnServer: true });
    await withoutKey.recovery.check();
    expect(withoutKey.recovery.view().phase).toBe('unverified');
  });

  it('refuses a malformed key and a key of another account, changing nothing', async () => {
    const { recovery, calls } = setup(existing);
    await recovery.check();
    await expect(recovery.restore('bukan kunci')).rejects.toMatchObject({ code: 'recovery_key_invalid' });
    await expect(recovery.restore(WRONG_KEY)).rejects.toMatchObject({ code: 'recovery_key_wrong' });
    expect(calls).toEqual([]);
    expect(recovery.view().phase).toBe('needsRestore');
  });

  it('says there is nothing to restore from when the account has no secret storage', async () => {
    const { recovery } = setup({ crossSigningOnServer: true });
    await expect(recovery.restore(RIGHT_KEY)).rejects.toMatchObject({ code: 'recovery_unavailable' });
  });

  it('restores with the right key: cross-signs this device, loads the backup key and the room keys, with progress', async () => {
    const { recovery, calls, views, keys } = setup(existing);
    await recovery.check();
    await recovery.restore(RIGHT_KEY);
    expect(calls).toEqual(['bootstrapCrossSigning', 'loadSessionBackupPrivateKeyFromSecretStorage', 'checkKeyBackupAndEnable', 'restoreKeyBackup']);
    expect(views.map((view) => view.restoreProgress?.stage ?? null)).toEqual(expect.arrayContaining(['fetching', 'loading', 'done']));
    expect(recovery.view()).toMatchObject({ phase: 'ready', restoreProgress: { stage: 'done', done: 3, total: 3, failures: 0 } });
    expect(keys.holding).toBe(false);
  });

  it('goes back to offering the restore when it fails halfway', async () => {
    const { recovery, crypto } = setup(existing);
    await recovery.check();
    crypto.restoreKeyBackup.mockImplementationOnce(() => Promise.reject(new Error('server went away')));
    await expect(recovery.restore(RIGHT_KEY)).rejects.toMatchObject({ code: 'internal' });
    expect(recovery.view()).toMatchObject({ phase: 'needsRestore', restoreProgress: null });
  });
});

describe('restoreProgressOf', () => {
  it('maps the SDK stages to what the member sees', () => {
    expect(restoreProgressOf({ stage: ImportRoomKeyStage.Fetch })).toEqual({ stage: 'fetching', done: 0, total: 0, failures: 0 });
    expect(restoreProgressOf({ stage: ImportRoomKeyStage.LoadKeys, successes: 40, failures: 2, total: 100 })).toEqual({
      stage: 'loading',
      done: 42,
      total: 100,
      failures: 2,
    });
  });
});

describe('a new recovery key', () => {
  it('finishes a setup that stopped before the recovery key was made, without a password', async () => {
    const { recovery, calls } = setup({ crossSigningOnServer: true, crossSigningReady: true });
    await recovery.check();
    expect(calls).toEqual(['bootstrapSecretStorage']);
    expect(recovery.takeRecoveryKey()).toBe(RIGHT_KEY);
  });

  it('replaces secret storage from a device with the cross-signing keys, keeping its backup, and hands the new key out once', async () => {
    const { recovery, crypto, calls } = setup({ ...existing, crossSigningReady: true });
    crypto.getSessionBackupPrivateKey.mockResolvedValue(new Uint8Array(32) as never);
    await recovery.check();
    await recovery.newRecoveryKey();
    expect(calls).toEqual(['checkKeyBackupAndEnable', 'bootstrapSecretStorage']);
    expect(crypto.bootstrapSecretStorage).toHaveBeenCalledWith(expect.objectContaining({ setupNewSecretStorage: true, setupNewKeyBackup: false }));
    expect(recovery.takeRecoveryKey()).toBe(RIGHT_KEY);
  });

  it('is refused on a device without the cross-signing keys', async () => {
    const { recovery } = setup(existing);
    await expect(recovery.newRecoveryKey()).rejects.toMatchObject({ code: 'recovery_unavailable' });
  });
});
