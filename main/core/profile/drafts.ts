import path from 'node:path';
import { z } from 'zod';
import { JsonStore } from '../storage/json-store.ts';
import type { Logger } from '../ports.ts';

/** What the member has typed but not sent, per room, kept on disk so nothing typed is lost. */
export class Drafts {
  private readonly store: JsonStore<Record<string, string>>;
  private drafts: Record<string, string> | null = null;

  constructor(options: { profileDir: string; logger: Logger }) {
    this.store = new JsonStore({
      file: path.join(options.profileDir, 'drafts.json'),
      schema: z.record(z.string(), z.string()),
      fallback: () => ({}),
      logger: options.logger,
    });
  }

  private async all(): Promise<Record<string, string>> {
    this.drafts ??= await this.store.read();
    return this.drafts;
  }

  async get(roomId: string): Promise<string> {
    const drafts = await this.all();
    return Object.hasOwn(drafts, roomId) ? (drafts[roomId] ?? '') : '';
  }

  async set(roomId: string, text: string): Promise<void> {
    const drafts = Object.fromEntries(Object.entries(await this.all()).filter(([id]) => id !== roomId));
    if (text.length > 0) {
      drafts[roomId] = text;
    }
    this.drafts = drafts;
    await this.store.write(drafts);
  }

  flushed(): Promise<void> {
    return this.store.flushed();
  }
}
