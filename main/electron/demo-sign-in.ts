import type { Connection } from '../core/ipc/dispatcher.ts';
import type { Logger } from '../core/ports.ts';

/** How long the demo waits for the first sync to say whether this device needs the recovery key. */
const RESTORE_WAIT_MS = 60_000;
const POLL_MS = 250;

type Wait = (ms: number) => Promise<void>;
const wait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `npm run demo` in Electron: signs the demo member in through the same contract the window
 * uses (`REMBUK_DEMO_SIGN_IN`), so no step is special, in Indonesian. Only when the profile has no session yet.
 */
export const demoSignIn = async (connection: Pick<Connection, 'handle'>, credentialsJson: string | undefined, logger: Logger): Promise<void> => {
  const current = await connection.handle('session:get', {});
  if (!current.ok || current.value !== null) {
    return;
  }
  const result = await connection.handle('session:signIn', JSON.parse(credentialsJson ?? 'null'));
  if (!result.ok) {
    logger.warn(`demo sign-in failed: ${result.error.code}`);
    return;
  }
  // The demo co-op speaks Indonesian, whatever language the machine running it is set to.
  await connection.handle('settings:setLanguage', { language: 'id' });
};

/**
 * The demo's windows are a second device of accounts the seed set up: this one restores
 * trust and history with the recovery key the seed saved, as the member would type it in
 * the banner. Nothing happens without a key, or once the device is ready.
 */
export const demoRestore = async (connection: Pick<Connection, 'handle'>, recoveryKey: string, logger: Logger, sleep: Wait = wait): Promise<void> => {
  if (recoveryKey === '') {
    return;
  }
  for (let waited = 0; waited < RESTORE_WAIT_MS; waited += POLL_MS) {
    const security = await connection.handle('security:get', {});
    const phase = security.ok ? (security.value as { phase?: string } | null)?.phase : undefined;
    if (phase === 'needsRestore') {
      const restored = await connection.handle('security:restore', { recoveryKey });
      if (!restored.ok) {
        logger.warn(`demo restore failed: ${restored.error.code}`);
      }
      return;
    }
    // Only a device still checking may yet need the key; any other phase is settled.
    if (phase !== undefined && phase !== 'checking') {
      return;
    }
    await sleep(POLL_MS);
  }
  logger.warn('demo restore: the device never asked for its recovery key');
};
