import type { MatrixClient } from 'matrix-js-sdk';
import type { DeviceView, RoomMemberView, SecurityView } from '../../../../shared/model/security.ts';
import type { VerificationView } from '../../../../shared/model/verification.ts';
import type { Logger } from '../../ports.ts';
import type { MatrixAccount } from '../matrix-account.ts';
import { PasswordHold } from './password-hold.ts';
import { Recovery } from './recovery.ts';
import { ownDevices, roomMembers } from './trust-views.ts';
import { VerificationManager } from './verification-manager.ts';

export type TrustListeners = {
  security(view: SecurityView): void;
  verifications(views: VerificationView[]): void;
};

/**
 * Trust and recovery for one signed-in account: cross-signing, secret storage and key
 * backup (`recovery`), interactive verifications (`verifications`), and who is trusted.
 * Lives exactly as long as the account's runtime.
 */
export class Trust {
  readonly recovery: Recovery;
  readonly verifications: VerificationManager;
  private readonly account: MatrixAccount;
  private readonly client: MatrixClient;
  private readonly password = new PasswordHold();

  constructor(options: { account: MatrixAccount; client: MatrixClient; logger: Logger; listeners: TrustListeners; signInPassword: string | null }) {
    const { account, client, logger, listeners } = options;
    this.account = account;
    this.client = client;
    if (options.signInPassword !== null) {
      // Only for a sign-in just now, only in memory, only until the setup after the first sync is done.
      this.password.hold(options.signInPassword);
    }
    const { userId } = account;
    this.recovery = new Recovery({
      client,
      userId,
      deviceId: account.session.deviceId,
      keys: account.secretStorageKeys,
      password: this.password,
      logger,
      onChange: (view) => {
        listeners.security(view);
      },
    });
    this.verifications = new VerificationManager({
      client,
      userId,
      logger,
      onChange: (views) => {
        listeners.verifications(views);
      },
    });
  }

  /** The first sync is in: the account's keys on the server can be looked at. */
  ready(): void {
    void this.recovery.check();
  }

  devices(): Promise<DeviceView[]> {
    return ownDevices(this.client, this.account.userId, this.account.session.deviceId);
  }

  members(roomId: string): Promise<RoomMemberView[]> {
    return roomMembers(this.client, roomId, this.account.userId);
  }

  stop(): void {
    this.password.clear();
    this.recovery.stop();
    this.verifications.stop();
  }
}
