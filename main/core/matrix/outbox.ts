import path from 'node:path';
import { z } from 'zod';
import { JsonStore } from '../storage/json-store.ts';
import type { Logger } from '../ports.ts';

const entry = z.object({
  txnId: z.string(),
  roomId: z.string(),
  body: z.string(),
  createdAt: z.number(),
  /** The event type when it is not a plain text message (a reply, an edit, a reaction, a vote). */
  type: z.string().optional(),
  /** The whole content when it is not a plain text message: sent as it is, under the same transaction id. */
  content: z.record(z.string(), z.unknown()).optional(),
});
export type OutboxEntry = z.infer<typeof entry>;

/**
 * Messages the member sent that the server has not confirmed yet. Each is on disk
 * before it goes to the network, and leaves only once the server has it, so a crash
 * or quit at any moment loses nothing; re-sending under the same transaction id lets
 * the server drop the copy if the first attempt had in fact arrived.
 */
export class Outbox {
  private readonly store: JsonStore<OutboxEntry[]>;
  private entries: OutboxEntry[] = [];

  constructor(options: { profileDir: string; logger: Logger }) {
    this.store = new JsonStore({
      file: path.join(options.profileDir, 'outbox.json'),
      schema: z.array(entry),
      fallback: () => [],
      logger: options.logger,
    });
  }

  async load(): Promise<OutboxEntry[]> {
    this.entries = await this.store.read();
    return [...this.entries];
  }

  async add(item: OutboxEntry): Promise<void> {
    this.entries = [...this.entries.filter((existing) => existing.txnId !== item.txnId), item];
    await this.store.write(this.entries);
  }

  async remove(txnId: string): Promise<void> {
    if (!this.entries.some((existing) => existing.txnId === txnId)) {
      return;
    }
    this.entries = this.entries.filter((existing) => existing.txnId !== txnId);
    await this.store.write(this.entries);
  }

  find(txnId: string): OutboxEntry | undefined {
    return this.entries.find((existing) => existing.txnId === txnId);
  }

  flushed(): Promise<void> {
    return this.store.flushed();
  }
}
