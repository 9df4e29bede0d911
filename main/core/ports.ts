/**
 * What the core needs from the machine it runs on. Electron and the loopback runner
 * each supply their own; tests supply fakes. Nothing here imports Electron.
 */

/** Encrypts small secrets (the access token) with a key the OS keeps for us. */
export type SecretBox = {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
  /** Where the key lives, for logs and the README ("safeStorage (gnome-libsecret)", "key file"). */
  readonly description: string;
};

export type Logger = {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
};

export type Clock = { now(): number };

/**
 * The OS's "save as" dialog, where there is one (Electron): the path the member chose for
 * `suggestedName`, or null when they cancelled. The loopback transport has none; its
 * renderer saves downloads itself.
 */
export type SaveDialog = { choose(suggestedName: string): Promise<string | null> };

export const systemClock: Clock = { now: () => Date.now() };

export const consoleLogger = (prefix: string): Logger => ({
  info: (message, ...details) => {
    console.log(`[${prefix}] ${message}`, ...details);
  },
  warn: (message, ...details) => {
    console.warn(`[${prefix}] ${message}`, ...details);
  },
  error: (message, ...details) => {
    console.error(`[${prefix}] ${message}`, ...details);
  },
});

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
