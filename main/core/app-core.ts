import type { Connection, Emit } from './ipc/dispatcher.ts';
import type { Clock, Logger, SecretBox } from './ports.ts';

export type AppCoreOptions = {
  /** The member's profile folder: session, drafts, outbox, settings. Created if missing. */
  profileDir: string;
  secretBox: SecretBox;
  logger: Logger;
  clock?: Clock;
};

/** The whole main-process core, as a transport sees it. */
export type AppCore = {
  /** Restores a saved session, if any, and starts syncing. Call once before connecting. */
  start(): Promise<void>;
  /** A renderer arrives: events for it go to `emit`; its requests go to `connection.handle`. */
  connect(emit: Emit, label?: string): Connection;
  /** Stops syncing and flushes everything to disk. */
  shutdown(): Promise<void>;
};
