import path from 'node:path';
import { settings as settingsSchema, type Settings } from '../../../shared/model/settings.ts';
import { JsonStore } from '../storage/json-store.ts';
import type { Logger } from '../ports.ts';

/** Device preferences; unlike session data they stay when the member signs out. */
export class SettingsStore {
  private readonly store: JsonStore<Settings>;
  private current: Settings | null = null;

  constructor(options: { profileDir: string; logger: Logger }) {
    this.store = new JsonStore({
      file: path.join(options.profileDir, 'settings.json'),
      schema: settingsSchema,
      fallback: () => ({ language: null, privateReceipts: false }),
      logger: options.logger,
    });
  }

  async get(): Promise<Settings> {
    this.current ??= await this.store.read();
    return this.current;
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...change };
    this.current = next;
    await this.store.write(next);
    return next;
  }
}
