/**
 * matrix-js-sdk internal: its global logger. Parts of the SDK (the send queue, MatrixRTC)
 * still log through it, and it is a loglevel logger whose level and method factory its
 * typings do not show (they declare the SDK's own `Logger`). Read as `unknown` and checked
 * for the loglevel members used here, never cast; global-logger.test.ts fails, naming the
 * member, if an upgrade changes it.
 */
export type LogMethod = (...message: unknown[]) => void;
export type LoglevelLogger = {
  setLevel(level: string): void;
  methodFactory: (methodName: string, level: number, loggerName: string | symbol) => LogMethod;
  rebuild?(): void;
};

/** The loglevel members of a logger that are missing (none: it can be quietened). */
export const missingLoglevelMembers = (value: unknown): string[] => {
  if (typeof value !== 'object' || value === null) {
    return ['setLevel', 'methodFactory'];
  }
  return ['setLevel', 'methodFactory'].filter((name) => !(name in value) || typeof (value as Record<string, unknown>)[name] !== 'function');
};

const isLoglevelLogger = (value: unknown): value is LoglevelLogger => missingLoglevelMembers(value).length === 0;

/** The SDK's global logger as the loglevel logger it is, or null when it no longer is one. */
export const globalSdkLogger = async (): Promise<LoglevelLogger | null> => {
  const sdk = await import('matrix-js-sdk/lib/logger.js');
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- the global logger is exactly what needs quieting
  const root: unknown = sdk.logger;
  return isLoglevelLogger(root) ? root : null;
};
