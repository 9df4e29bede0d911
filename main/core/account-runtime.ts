import { rm } from 'node:fs/promises';
import path from 'node:path';
import { MatrixAccount, type AccountListeners } from './matrix/matrix-account.ts';
import { MessageSender } from './matrix/message-sender.ts';
import { Outbox } from './matrix/outbox.ts';
import { RoomActions } from './matrix/room-actions.ts';
import { Drafts } from './profile/drafts.ts';
import type { Clock, Logger } from './ports.ts';
import type { SavedSession } from './session/session-store.ts';

/** Files that belong to the signed-in session and go when the member signs out. */
export const SESSION_FILES = ['session.json', 'drafts.json', 'outbox.json'];

/** The runtime reports what its account reports; it adds the outbox replay on `ready` itself. */
export type RuntimeListeners = AccountListeners;

/** Everything that exists only while a member is signed in, wired together. */
export class AccountRuntime {
  readonly account: MatrixAccount;
  readonly rooms: RoomActions;
  readonly sender: MessageSender;
  readonly drafts: Drafts;
  private readonly outbox: Outbox;
  private readonly logger: Logger;

  constructor(options: { session: SavedSession; profileDir: string; listeners: RuntimeListeners; logger: Logger; clock: Clock }) {
    const { profileDir, logger, clock } = options;
    this.logger = logger;
    this.outbox = new Outbox({ profileDir, logger });
    this.drafts = new Drafts({ profileDir, logger });
    this.account = new MatrixAccount({
      session: options.session,
      logger,
      clock,
      listeners: {
        changed: (roomId) => {
          options.listeners.changed(roomId);
        },
        connection: (state) => {
          options.listeners.connection(state);
        },
        loggedOut: () => {
          options.listeners.loggedOut();
        },
        ready: () => {
          options.listeners.ready();
          this.sender.replay().catch((error: unknown) => {
            this.logger.error('outbox replay failed', error);
          });
        },
      },
    });
    this.rooms = new RoomActions(this.account);
    this.sender = new MessageSender({ account: this.account, outbox: this.outbox, logger, clock });
  }

  async start(): Promise<void> {
    await this.outbox.load();
    await this.account.start();
  }

  async stop(): Promise<void> {
    this.account.stop();
    await Promise.all([this.outbox.flushed(), this.drafts.flushed()]);
  }

  static async removeSessionData(profileDir: string): Promise<void> {
    await Promise.all(SESSION_FILES.map((file) => rm(path.join(profileDir, file), { force: true })));
  }
}
