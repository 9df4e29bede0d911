/**
 * The composition root of the Electron app: parse switches, pick the profile, lock it,
 * build the core with its Electron adapters, open the window, shut down cleanly.
 * Everything else lives in the modules it wires together.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createAppCore } from '../core/create-app-core.ts';
import { consoleLogger, type Logger } from '../core/ports.ts';
import type { AppCore } from '../core/app-core.ts';
import { openSecretBox } from './adapters/safe-storage-secret-box.ts';
import { parseCliArgs, type CliOptions } from './cli-args.ts';
import { demoRestore, demoSignIn } from './demo-sign-in.ts';
import { registerIpc, type IpcHost } from './ipc/handle.ts';
import { preloadPath, rendererRoot } from './paths.ts';
import { registerAppScheme, serveAppScheme } from './windows/app-protocol.ts';
import { MEDIA_URL_BASE, serveMediaScheme } from './windows/media-protocol.ts';
import { electronSaveDialog } from './adapters/save-dialog.ts';
import { createMainWindow, focusWindow } from './windows/main-window.ts';
import { guardSession } from './windows/navigation-guards.ts';

/** How long quitting waits for the core to flush before giving up on it. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

const fatal = (logger: Logger, title: string, error: unknown): void => {
  logger.error(title, error);
  // Safe before `ready` too; main has no i18n, so both languages.
  dialog.showErrorBox('Rembuk', `${title}\n\n${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
};

/** Everything that must happen before `ready`, synchronously: the profile path decides the single-instance lock. */
const prepare = (logger: Logger): CliOptions | null => {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv);
  } catch (error) {
    fatal(logger, 'Argumen baris perintah tidak valid / Invalid command-line arguments', error);
    return null;
  }
  if (options.profileDir !== null) {
    const profileDir = path.resolve(options.profileDir);
    mkdirSync(profileDir, { recursive: true });
    app.setPath('userData', profileDir);
  }
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    // Another Rembuk has this profile; it gets a 'second-instance' event and comes forward.
    app.quit();
    return null;
  }
  return options;
};

/** Waits for the core once, however many times quitting is asked for. */
const installShutdown = (stop: () => Promise<void>, logger: Logger): void => {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') {
      return;
    }
    event.preventDefault();
    if (phase === 'stopping') {
      return;
    }
    phase = 'stopping';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        logger.warn(`core did not shut down within ${SHUTDOWN_TIMEOUT_MS} ms; quitting anyway`);
        resolve();
      }, SHUTDOWN_TIMEOUT_MS);
    });
    const stopped = stop().catch((error: unknown) => {
      logger.error('core shutdown failed', error);
    });
    void Promise.race([stopped, timeout]).then(() => {
      clearTimeout(timer);
      phase = 'stopped';
      app.quit();
    });
  });
};

const run = async (options: CliOptions, logger: Logger): Promise<void> => {
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) {
      focusWindow(mainWindow);
    }
  });

  await app.whenReady();
  const profileDir = app.getPath('userData');

  const secrets = await openSecretBox({ profileDir, allowPlaintext: options.allowPlaintextSecrets });
  if (secrets.kind === 'refused') {
    logger.error(secrets.content);
    dialog.showErrorBox(secrets.title, secrets.content);
    app.exit(1);
    return;
  }
  logger.info(`profile ${profileDir}; secrets sealed with ${secrets.secretBox.description}`);

  serveAppScheme(rendererRoot, logger);
  guardSession(session.defaultSession);

  const core: AppCore = createAppCore({ profileDir, secretBox: secrets.secretBox, logger, mediaUrlBase: MEDIA_URL_BASE, saveDialog: electronSaveDialog });
  serveMediaScheme(core, logger);
  let ipc: IpcHost | null = null;
  const started = core.start();
  // Installed before start() settles, so quitting during a slow start still flushes.
  installShutdown(async () => {
    // Connections first, so no subscription outlives the core it reads from.
    ipc?.dispose();
    await started.catch(() => undefined);
    await core.shutdown();
  }, logger);
  await started;
  if (options.demoSignIn) {
    const demo = core.connect(() => undefined, 'demo');
    await demoSignIn(demo, process.env.REMBUK_DEMO_SIGN_IN, logger);
    // In the background: the window opens meanwhile, its banner gone once the keys are back.
    void demoRestore(demo, process.env.REMBUK_DEMO_RECOVERY_KEY ?? '', logger).finally(() => {
      demo.close();
    });
  }
  const host = registerIpc(core, logger);
  ipc = host;

  const openWindow = (): BrowserWindow =>
    createMainWindow({
      preloadPath,
      logger,
      beforeLoad: (contents) => {
        host.attach(contents);
      },
    });
  mainWindow = openWindow();

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (BrowserWindow.getAllWindows().length === 0) {
      mainWindow = openWindow();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
};

const logger = consoleLogger('rembuk');
const options = prepare(logger);
if (options !== null) {
  run(options, logger).catch((error: unknown) => {
    fatal(logger, 'Rembuk gagal dimulai / Rembuk could not start', error);
  });
}
