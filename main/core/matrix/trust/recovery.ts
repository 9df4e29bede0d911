import { MatrixError, Method, type MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, ImportRoomKeyStage, type CryptoApi, type ImportRoomKeyProgressData } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import type { RestoreProgress, SecurityPhase, SecurityView } from '../../../../shared/model/security.ts';
import type { Logger } from '../../ports.ts';
import { toRembukError } from '../matrix-errors.ts';
import { passwordAuth } from './password-auth.ts';
import type { PasswordHold } from './password-hold.ts';
import { parseRecoveryKey } from './recovery-key.ts';
import type { SecretStorageKeys } from './secret-storage-keys.ts';

/** The secret storage entry that holds the key backup's decryption key. */
const BACKUP_SECRET = 'm.megolm_backup.v1';

export type RecoveryDeps = {
  client: MatrixClient;
  userId: string;
  deviceId: string;
  keys: SecretStorageKeys;
  password: PasswordHold;
  logger: Logger;
  onChange(view: SecurityView): void;
};

/**
 * The account's default secret storage key id as the server has it, not as the local sync
 * cache does (`secretStorage.getDefaultKeyId` reads the cache once synced): deciding that
 * an account has no recovery key, and making a new one, must never rest on a cache that may
 * have missed account data (a crash between a sync and its save). Errors are thrown, so a
 * server that cannot be asked leads to no decision at all.
 */
export const serverDefaultKeyId = async (client: MatrixClient, userId: string): Promise<string | null> => {
  const path = `/user/${encodeURIComponent(userId)}/account_data/m.secret_storage.default_key`;
  try {
    const content = await client.http.authedRequest<{ key?: unknown }>(Method.Get, path);
    return typeof content.key === 'string' ? content.key : null;
  } catch (error) {
    if (error instanceof MatrixError && error.errcode === 'M_NOT_FOUND') {
      return null;
    }
    throw error;
  }
};

/** Restore progress as the member sees it, from what `restoreKeyBackup` reports. */
export const restoreProgressOf = (progress: ImportRoomKeyProgressData): RestoreProgress =>
  progress.stage === ImportRoomKeyStage.Fetch
    ? { stage: 'fetching', done: 0, total: 0, failures: 0 }
    : { stage: 'loading', done: progress.successes + progress.failures, total: progress.total, failures: progress.failures };

/**
 * Cross-signing, secret storage and key backup for the signed-in device:
 * - on the account's first device, after the first sync, sets all three up with a new
 *   recovery key, which the member is shown once (`takeRecoveryKey`);
 * - on a later device, restores them from that recovery key (`restore`): the device is
 *   cross-signed and the backed-up room keys are loaded, so old messages decrypt.
 */
export class Recovery {
  private readonly deps: RecoveryDeps;
  private phase: SecurityPhase = 'checking';
  private flags = { crossSigningReady: false, keyBackupEnabled: false, deviceVerified: false };
  private recoveryKey: string | null = null;
  private progress: RestoreProgress | null = null;
  private busy = false;
  /** Our own restore failed halfway: keep offering it, even if this device got cross-signed meanwhile. */
  private restoreFailed = false;
  private stopped = false;
  private refreshing: Promise<void> | null = null;
  /** Counts refresh requests, so one that arrives while a refresh runs makes it run again. */
  private refreshRequests = 0;

  constructor(deps: RecoveryDeps) {
    this.deps = deps;
    const refresh = (): void => {
      this.refresh();
    };
    const { client } = deps;
    client.on(CryptoEvent.KeyBackupStatus, refresh);
    client.on(CryptoEvent.KeyBackupDecryptionKeyCached, refresh);
    client.on(CryptoEvent.KeysChanged, refresh);
    client.on(CryptoEvent.UserTrustStatusChanged, (userId) => {
      if (userId === deps.userId) {
        refresh();
      }
    });
    client.on(CryptoEvent.DevicesUpdated, (userIds) => {
      if (userIds.includes(deps.userId)) {
        refresh();
      }
    });
  }

  view(): SecurityView {
    return {
      phase: this.phase,
      ...this.flags,
      recoveryKeyWaiting: this.recoveryKey !== null,
      restoreProgress: this.progress,
    };
  }

  /**
   * The recovery key the setup made, once: it is forgotten as it is handed out. This is
   * the one key that ever goes to the renderer — the member has to see it to write it
   * down; main never stores it.
   */
  takeRecoveryKey(): string | null {
    const key = this.recoveryKey;
    this.recoveryKey = null;
    if (key !== null) {
      this.emit();
    }
    return key;
  }

  /** After the first sync: decides what this device needs, and sets up a first device on its own. */
  async check(): Promise<void> {
    if (this.busy) {
      return;
    }
    const crypto = this.deps.client.getCrypto();
    if (crypto === undefined) {
      this.setPhase('unavailable');
      return;
    }
    this.busy = true;
    try {
      // Asks the server, not the local cache: another device may have set up cross-signing minutes ago.
      const onServer = await crypto.userHasCrossSigningKeys(this.deps.userId, true);
      const ready = await crypto.isCrossSigningReady();
      const keyId = onServer ? await serverDefaultKeyId(this.deps.client, this.deps.userId) : null;
      if (!onServer) {
        await this.setUpAll(crypto, true);
      } else if (ready && keyId === null) {
        // Cross-signing works here but the account has no recovery key (an earlier setup stopped
        // halfway, or another client never made one): finish with one, no password needed.
        await this.setUpAll(crypto, false);
      } else if (ready) {
        await crypto.checkKeyBackupAndEnable();
        this.phase = 'ready';
      } else {
        this.phase = keyId === null ? 'unverified' : 'needsRestore';
      }
    } catch (error) {
      this.failed(error);
    } finally {
      this.busy = false;
      // The few seconds the password was needed for are over, whatever happened.
      this.deps.password.clear();
      this.deps.keys.forget();
      await this.refreshFlags();
      this.emit();
    }
  }

  /** Sets up again after `needsPassword` or `failed`, with the password the member typed in if given. */
  async setUp(password: string | undefined): Promise<void> {
    if (this.busy) {
      throw new RembukError('security_busy');
    }
    if (this.phase !== 'needsPassword' && this.phase !== 'failed') {
      return;
    }
    if (password !== undefined) {
      this.deps.password.hold(password);
    }
    await this.check();
    // The renderer's form needs to know the password was wrong or is still missing.
    if (this.phase === 'needsPassword') {
      throw new RembukError(password === undefined ? 'password_required' : 'wrong_password');
    }
  }

  /**
   * Replaces the recovery key from a device that holds the cross-signing keys: for a key
   * that was lost, or never seen (the app closed before it was shown). The old key stops
   * working; the backup and every device's trust stay as they are.
   */
  async newRecoveryKey(): Promise<void> {
    if (this.busy) {
      throw new RembukError('security_busy');
    }
    const crypto = this.requireCrypto();
    if (!(await crypto.isCrossSigningReady())) {
      throw new RembukError('recovery_unavailable', 'this device does not hold the cross-signing keys');
    }
    this.busy = true;
    try {
      await this.setUpAll(crypto, false);
    } catch (error) {
      this.deps.logger.error('making a new recovery key failed', error);
      this.phase = 'ready';
      throw toRembukError(error);
    } finally {
      this.busy = false;
      this.deps.keys.forget();
      await this.refreshFlags();
      this.emit();
    }
  }

  /**
   * Checks the recovery key against the account's secret storage before changing
   * anything: a key that does not fit is an error and this device stays as it was.
   */
  async restore(text: string): Promise<void> {
    if (this.busy) {
      throw new RembukError('security_busy');
    }
    const crypto = this.requireCrypto();
    const key = parseRecoveryKey(text);
    const { secretStorage } = this.deps.client;
    this.busy = true;
    try {
      const keyId = await secretStorage.getDefaultKeyId();
      const described = keyId === null ? null : await secretStorage.getKey(keyId);
      if (keyId === null || described === null) {
        throw new RembukError('recovery_unavailable');
      }
      if (!(await secretStorage.checkKey(key, described[1]))) {
        throw new RembukError('recovery_key_wrong');
      }
      this.keys().hold(keyId, key);
    } catch (error) {
      key.fill(0);
      this.busy = false;
      throw toRembukError(error);
    }

    const before = this.phase;
    this.phase = 'restoring';
    this.progress = { stage: 'fetching', done: 0, total: 0, failures: 0 };
    this.emit();
    try {
      // With the secret storage key at hand, this imports the cross-signing keys from secret
      // storage and signs this device with them: the device becomes verified.
      // Only when secret storage holds them: without them bootstrapCrossSigning would make new
      // keys, and every other device of the member would stop being trusted.
      if ((await crypto.getCrossSigningStatus()).privateKeysInSecretStorage) {
        await crypto.bootstrapCrossSigning({});
      }
      if ((await secretStorage.isStored(BACKUP_SECRET)) !== null) {
        await crypto.loadSessionBackupPrivateKeyFromSecretStorage();
        this.keys().forget();
        await crypto.checkKeyBackupAndEnable();
        const result = await crypto.restoreKeyBackup({
          progressCallback: (progress) => {
            this.progress = restoreProgressOf(progress);
            this.emit();
          },
        });
        this.progress = { stage: 'done', done: result.total, total: result.total, failures: result.total - result.imported };
      } else {
        this.progress = { stage: 'done', done: 0, total: 0, failures: 0 };
      }
      this.phase = 'ready';
      this.restoreFailed = false;
    } catch (error) {
      this.deps.logger.error('restoring from the recovery key failed', error);
      this.restoreFailed = true;
      this.phase = before;
      this.progress = null;
      throw toRembukError(error);
    } finally {
      this.keys().forget();
      this.busy = false;
      await this.refreshFlags();
      this.emit();
    }
  }

  stop(): void {
    this.stopped = true;
    this.recoveryKey = null;
    this.deps.keys.forget();
    this.deps.password.clear();
  }

  /** Trust changed somewhere (a verification, a key backup coming on): recompute the flags. */
  refresh(): void {
    this.refreshRequests += 1;
    if (this.refreshing !== null) {
      return;
    }
    this.refreshing = (async () => {
      let handled: number;
      do {
        handled = this.refreshRequests;
        await this.refreshFlags();
        this.emit();
      } while (handled !== this.refreshRequests && !this.stopped);
    })()
      .catch((error: unknown) => {
        this.deps.logger.warn('could not read the trust state', error);
      })
      .finally(() => {
        this.refreshing = null;
      });
  }

  private keys(): SecretStorageKeys {
    return this.deps.keys;
  }

  private requireCrypto(): CryptoApi {
    const crypto = this.deps.client.getCrypto();
    if (crypto === undefined) {
      throw new RembukError('encryption_unavailable');
    }
    return crypto;
  }

  private async setUpAll(crypto: CryptoApi, newCrossSigning: boolean): Promise<void> {
    this.setPhase('settingUp');
    const { userId } = this.deps;
    if (newCrossSigning) {
      await crypto.bootstrapCrossSigning({ authUploadDeviceSigningKeys: passwordAuth(userId, () => this.deps.password.peek()) });
    }
    let made: string | null = null;
    // A backup key this device already has (and the server's backup matches) is kept; otherwise a new backup starts.
    const keepBackup = (await crypto.getSessionBackupPrivateKey()) !== null;
    await crypto.bootstrapSecretStorage({
      createSecretStorageKey: async () => {
        const generated = await crypto.createRecoveryKeyFromPassphrase();
        made = generated.encodedPrivateKey ?? null;
        return generated;
      },
      setupNewSecretStorage: true,
      setupNewKeyBackup: !keepBackup,
    });
    // Shown only once everything it protects is in place, so a member never writes down a key to nothing.
    this.recoveryKey = made;
    this.phase = 'ready';
  }

  private failed(error: unknown): void {
    if (error instanceof RembukError && (error.code === 'password_required' || error.code === 'wrong_password')) {
      this.phase = 'needsPassword';
      return;
    }
    if (this.stopped) {
      return;
    }
    this.deps.logger.error('setting up cross-signing and key backup failed', error);
    this.phase = 'failed';
  }

  private async refreshFlags(): Promise<void> {
    const crypto = this.deps.client.getCrypto();
    if (crypto === undefined || this.stopped) {
      return;
    }
    const { userId, deviceId } = this.deps;
    try {
      const [crossSigningReady, backupVersion, status] = await Promise.all([
        crypto.isCrossSigningReady(),
        crypto.getActiveSessionBackupVersion(),
        crypto.getDeviceVerificationStatus(userId, deviceId),
      ]);
      this.flags = { crossSigningReady, keyBackupEnabled: backupVersion !== null, deviceVerified: status?.crossSigningVerified ?? false };
    } catch (error) {
      this.deps.logger.warn('could not read the trust state', error);
      return;
    }
    // Verified from another device meanwhile: nothing left to restore once the backup key came along too.
    if (!this.busy && (this.phase === 'unverified' || (this.phase === 'needsRestore' && !this.restoreFailed))) {
      const { deviceVerified, crossSigningReady, keyBackupEnabled } = this.flags;
      if ((deviceVerified || crossSigningReady) && (this.phase === 'unverified' || keyBackupEnabled)) {
        this.phase = 'ready';
      }
    }
  }

  private setPhase(phase: SecurityPhase): void {
    this.phase = phase;
    this.emit();
  }

  private emit(): void {
    if (!this.stopped) {
      this.deps.onChange(this.view());
    }
  }
}
