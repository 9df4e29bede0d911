import type { Connection, Emit } from './ipc/dispatcher.ts';
import type { MediaResponse } from './media/media-server.ts';
import type { Clock, Logger, SaveDialog, SecretBox } from './ports.ts';

export type AppCoreOptions = {
  /** The member's profile folder: session, drafts, outbox, settings. Created if missing. */
  profileDir: string;
  secretBox: SecretBox;
  logger: Logger;
  clock?: Clock;
  /** Where the transport serves media (`/media/` on loopback, `rembuk-media://media/` in Electron); media URLs start with it. */
  mediaUrlBase?: string;
  /** Electron's save dialog, for `media:save`; none on the loopback transport. */
  saveDialog?: SaveDialog;
  /** Parse main's answers and events against the contract too (tests, e2e, start:web); off in the shipped app. */
  checkContract?: boolean;
};

/** The whole main-process core, as a transport sees it. */
export type AppCore = {
  /** Restores a saved session, if any, and starts syncing. Call once before connecting. */
  start(): Promise<void>;
  /** A renderer arrives: events for it go to `emit`; its requests go to `connection.handle`. */
  connect(emit: Emit, label?: string): Connection;
  /** Answers a request for a media URL's token (the transport checked where it came from); 404 when signed out. */
  serveMedia(token: string, request: { range?: string; head?: boolean }): Promise<MediaResponse>;
  /** Stops syncing and flushes everything to disk. */
  shutdown(): Promise<void>;
};
