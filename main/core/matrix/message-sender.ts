import { EventStatus, EventType, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import { POLL_RESPONSE, STABLE_POLL_RESPONSE } from '../governance/protocol.ts';
import { contentFits, isReaction, isRoomMessage, isStableVote, isUnstableVote, type OutboxEventType } from './outbox-content.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { Logger, Clock } from '../ports.ts';
import type { MatrixAccount } from './matrix-account.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';
import { replayEntries } from '../outbox-replay.ts';
import { replayPortOf } from './outbox-replay.ts';
import { stableItemId } from './timeline-projection.ts';

/**
 * Sends text with a local echo and keeps every message in the outbox until the
 * server has it. matrix-js-sdk shows the echo and tracks its status; the outbox is
 * what survives a restart.
 */
export class MessageSender {
  private readonly account: MatrixAccount;
  private readonly client: MatrixClient;
  private readonly outbox: Outbox;
  private readonly logger: Logger;
  private readonly clock: Clock;
  /** Entries from the outbox of an earlier run not yet handed to the network. */
  private waiting: OutboxEntry[] = [];
  private replayRunning = false;

  constructor(options: { account: MatrixAccount; client: MatrixClient; outbox: Outbox; logger: Logger; clock: Clock }) {
    this.account = options.account;
    this.client = options.client;
    this.outbox = options.outbox;
    this.logger = options.logger;
    this.clock = options.clock;
  }

  /** Returns the timeline item id of the echo at once; delivery goes on in the background. */
  async send(roomId: string, body: string): Promise<string> {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    const entry: OutboxEntry = { txnId: this.client.makeTxnId(), roomId, body, createdAt: this.clock.now() };
    await this.outbox.add(entry);
    this.transmit(entry);
    return `txn:${entry.txnId}`;
  }

  /**
   * Any other event of a conversation (a formatted message, a reply, an edit, a reaction, a
   * vote) through the same outbox: on disk before it goes, encrypted by the SDK like a text
   * message, sent again under its transaction id after a crash.
   */
  async sendContent(roomId: string, type: OutboxEventType, content: Record<string, unknown>): Promise<string> {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    if (!contentFits(type, content)) {
      throw new RembukError('invalid_request', `not a ${type} content`);
    }
    const body = typeof content.body === 'string' ? content.body : '';
    const entry: OutboxEntry = { txnId: this.client.makeTxnId(), roomId, body, createdAt: this.clock.now(), type, content };
    await this.outbox.add(entry);
    this.transmit(entry);
    return `txn:${entry.txnId}`;
  }

  retry(roomId: string, itemId: string): void {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    const pending = room.getPendingEvents().find((event) => stableItemId(event) === itemId);
    if (pending?.status === EventStatus.NOT_SENT) {
      this.client.resendEvent(pending, room).then(
        () => this.confirm(pending),
        (error: unknown) => {
          this.logger.warn('retry failed', error);
        },
      );
      return;
    }
    const entry = itemId.startsWith('txn:') ? this.outbox.find(itemId.slice(4)) : undefined;
    if (entry === undefined || entry.roomId !== roomId) {
      throw new RembukError('message_not_found');
    }
    this.transmit(entry);
  }

  /**
   * After a restart: drop what the server shows it already has, send the rest again
   * under their original transaction ids. Called after every sync until the outbox has
   * been worked through: a room the sync cache did not have yet arrives with a later
   * sync, and its messages go then.
   */
  async replay(): Promise<void> {
    if (this.replayRunning) {
      return;
    }
    this.replayRunning = true;
    try {
      await this.replayWaiting();
    } finally {
      this.replayRunning = false;
    }
  }

  /** What the outbox held at start: the messages an earlier run did not see delivered. */
  restore(entries: readonly OutboxEntry[]): void {
    this.waiting = [...entries];
  }

  private async replayWaiting(): Promise<void> {
    this.waiting = await replayEntries(replayPortOf(this.account), this.waiting, {
      delivered: (entry) => this.outbox.remove(entry.txnId),
      resend: (entry) => {
        if (this.outbox.find(entry.txnId) !== undefined) {
          this.transmit(entry);
        }
      },
    });
  }

  /** Whether messages from before the restart are still waiting for their room. */
  get replaying(): boolean {
    return this.waiting.length > 0;
  }

  private deliver(entry: OutboxEntry): Promise<unknown> {
    const content: unknown = entry.content;
    if (content === undefined) {
      return this.client.sendTextMessage(entry.roomId, entry.body, entry.txnId);
    }
    if (entry.type === EventType.Reaction && isReaction(content)) {
      return this.client.sendEvent(entry.roomId, EventType.Reaction, content, entry.txnId);
    }
    if (entry.type === POLL_RESPONSE && isUnstableVote(content)) {
      return this.client.sendEvent(entry.roomId, POLL_RESPONSE, content, entry.txnId);
    }
    if (entry.type === STABLE_POLL_RESPONSE && isStableVote(content)) {
      return this.client.sendEvent(entry.roomId, STABLE_POLL_RESPONSE, content, entry.txnId);
    }
    if ((entry.type === undefined || entry.type === EventType.RoomMessage) && isRoomMessage(content)) {
      return this.client.sendMessage(entry.roomId, content, entry.txnId);
    }
    return Promise.reject(new Error(`outbox entry of type ${entry.type ?? '?'} has unusable content`));
  }

  private transmit(entry: OutboxEntry): void {
    this.deliver(entry).then(
      () => this.outbox.remove(entry.txnId),
      (error: unknown) => {
        // The echo shows "failed" with a retry button; the entry stays for the next try.
        this.logger.warn(`message ${entry.txnId} not sent`, error instanceof Error ? error.message : error);
      },
    );
  }

  private async confirm(event: MatrixEvent): Promise<void> {
    const txnId = event.getTxnId();
    if (txnId !== undefined) {
      await this.outbox.remove(txnId);
    }
  }
}
