import type { MatrixClient } from 'matrix-js-sdk';
import { MatrixPageSource, type PageSource } from './timeline/page-source.ts';
import type { IStore } from 'matrix-js-sdk/lib/store/index.js';
import type { GovernancePort } from '../governance/governance-port.ts';
import type { ImportPort } from '../import/import-port.ts';
import type { MediaPort } from '../media/media-port.ts';
import type { Clock, Logger } from '../ports.ts';
import type { SavedSession } from '../session/session-store.ts';
import { createAccountClient } from './account-client.ts';
import { MatrixAccount, type AccountListeners, type EncryptionOptions } from './matrix-account.ts';
import { MatrixGovernancePort } from './matrix-governance-port.ts';
import { MatrixImportPort } from './matrix-import-port.ts';
import { MatrixMediaPort } from './matrix-media-port.ts';
import { ConversationActions } from './conversation-actions.ts';
import { MessageSender } from './message-sender.ts';
import type { Outbox } from './outbox.ts';
import { RoomActions } from './room-actions.ts';
import { SecretStorageKeys } from './trust/secret-storage-keys.ts';
import { Trust, type TrustListeners } from './trust/trust.ts';

/**
 * The one way from the rest of the core to Matrix: it makes the session's matrix-js-sdk
 * client and keeps it to itself, handing it only to what lives in main/core/matrix/. Other
 * areas get ports of their own (governance, media, import), declared beside the code that
 * uses them, so they are tested with fakes instead of the SDK.
 */
export class MatrixGateway {
  readonly account: MatrixAccount;
  readonly rooms: RoomActions;
  readonly governance: GovernancePort;
  readonly media: MediaPort;
  readonly imports: ImportPort;
  /** History pages for the timeline windows, fetched and kept outside the SDK's live timeline. */
  readonly timelinePages: PageSource;
  private readonly client: MatrixClient;

  constructor(options: {
    session: SavedSession;
    listeners: AccountListeners;
    logger: Logger;
    clock: Clock;
    encryption: EncryptionOptions | null;
    /** The sync store; a memory one when not given. */
    store?: IStore;
  }) {
    const secretStorageKeys = new SecretStorageKeys();
    this.client = createAccountClient({
      session: options.session,
      logger: options.logger,
      keys: secretStorageKeys,
      ...(options.store === undefined ? {} : { store: options.store }),
    });
    this.account = new MatrixAccount({
      session: options.session,
      client: this.client,
      secretStorageKeys,
      listeners: options.listeners,
      logger: options.logger,
      clock: options.clock,
      encryption: options.encryption,
    });
    this.rooms = new RoomActions(this.account, this.client);
    this.governance = new MatrixGovernancePort(this.account, this.client);
    this.media = new MatrixMediaPort(this.account, this.client);
    this.imports = new MatrixImportPort(this.account, this.client);
    this.timelinePages = new MatrixPageSource(this.client);
  }

  /** Text messages with their local echo, kept in `outbox` until the server has them. */
  messageSender(options: { outbox: Outbox; logger: Logger; clock: Clock }): MessageSender {
    return new MessageSender({ account: this.account, client: this.client, ...options });
  }

  /** Replies, edits, deletes, reactions, votes, typing and link previews, sent through `sender`'s outbox. */
  conversation(options: { sender: MessageSender; logger: Logger }): ConversationActions {
    return new ConversationActions({ account: this.account, client: this.client, ...options });
  }

  /** Trust and recovery for this account; `signInPassword` only right after signing in. */
  trust(options: { logger: Logger; listeners: TrustListeners; signInPassword: string | null }): Trust {
    return new Trust({ account: this.account, client: this.client, ...options });
  }
}
