import type { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';
import type { Logger } from '../ports.ts';

/**
 * One small JSON document on disk, validated on read. Writes are serialised so a
 * later write never lands before an earlier one.
 */
export class JsonStore<T> {
  private readonly file: string;
  private readonly schema: z.ZodType<T>;
  private readonly fallback: () => T;
  private readonly logger: Logger;
  private writing: Promise<void> = Promise.resolve();

  constructor(options: { file: string; schema: z.ZodType<T>; fallback: () => T; logger: Logger }) {
    this.file = options.file;
    this.schema = options.schema;
    this.fallback = options.fallback;
    this.logger = options.logger;
  }

  async read(): Promise<T> {
    const raw = await readFileIfExists(this.file);
    if (raw === null) {
      return this.fallback();
    }
    try {
      return this.schema.parse(JSON.parse(raw.toString('utf8')));
    } catch (error) {
      // A damaged file must not stop the app; keep it aside for a bug report.
      this.logger.warn(`ignoring unreadable ${this.file}`, error);
      await writeFileAtomic(`${this.file}.damaged`, raw);
      return this.fallback();
    }
  }

  write(value: T): Promise<void> {
    const data = JSON.stringify(value);
    const next = this.writing.then(() => writeFileAtomic(this.file, data));
    this.writing = next.catch((error: unknown) => {
      this.logger.error(`could not write ${this.file}`, error);
    });
    return next;
  }

  /** Resolves when every write asked for so far is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }
}
