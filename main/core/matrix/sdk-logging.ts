import type { Logger as SdkLogger } from 'matrix-js-sdk/lib/logger.js';
import type { Logger } from '../ports.ts';
import { globalSdkLogger } from './internals/global-logger.ts';

/**
 * The logger matrix-js-sdk gets: its warnings and errors go to ours, its per-request
 * debug chatter is dropped unless REMBUK_SDK_DEBUG=1 asks for it.
 */
export const sdkLogger = (logger: Logger, verbose = process.env.REMBUK_SDK_DEBUG === '1', prefix = 'sdk'): SdkLogger => {
  const chatter = verbose
    ? (...msg: unknown[]): void => {
        logger.info(prefix, ...msg);
      }
    : (): void => undefined;
  return {
    trace: chatter,
    debug: chatter,
    info: chatter,
    warn: (...msg: unknown[]) => {
      logger.warn(prefix, ...msg.map(shorten));
    },
    error: (...msg: unknown[]) => {
      logger.error(prefix, ...msg.map(shorten));
    },
    getChild: (namespace: string) => sdkLogger(logger, verbose, `${prefix}${namespace}`),
  };
};

/** SDK errors carry whole response objects; one line each is enough for a log. */
const shorten = (value: unknown): unknown => (value instanceof Error ? `${value.name}: ${value.message}` : value);

/**
 * Parts of matrix-js-sdk (the send queue, MatrixRTC) still log through its global
 * loglevel logger (internals/global-logger.ts): warnings only, unless REMBUK_SDK_DEBUG=1.
 */
export const quietGlobalSdkLogger = async (verbose = process.env.REMBUK_SDK_DEBUG === '1'): Promise<void> => {
  const root = await globalSdkLogger();
  if (root === null) {
    // An SDK whose global logger changed shape: chattier logs, nothing worse (the internals test names what changed).
    return;
  }
  root.setLevel(verbose ? 'debug' : 'warn');
  if (verbose) {
    return;
  }
  // Its child loggers (one per MatrixRTC session: a line per room at every start) set
  // themselves to debug but take the root's method factory: chatter is dropped there.
  const original = root.methodFactory;
  root.methodFactory = (methodName, level, name) => (CHATTER.has(methodName) ? () => undefined : original(methodName, level, name));
  root.rebuild?.();
};

const CHATTER = new Set(['trace', 'debug', 'info', 'log']);
