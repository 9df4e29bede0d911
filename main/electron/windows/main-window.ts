import { BrowserWindow, type WebContents } from 'electron';
import type { Logger } from '../../core/ports.ts';
import { guardWebContents } from './navigation-guards.ts';
import { APP_ENTRY_URL } from './url-policy.ts';
import { MAIN_WINDOW_SIZE } from './window-size.ts';

export type MainWindowOptions = {
  preloadPath: string;
  logger: Logger;
  /** Runs before the page starts loading, so IPC is ready for its first message. */
  beforeLoad: (contents: WebContents) => void;
};

/** The one window: a locked-down renderer showing `app://rembuk/`. */
export const createMainWindow = ({ preloadPath, logger, beforeLoad }: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    title: 'Rembuk',
    ...MAIN_WINDOW_SIZE,
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: preloadPath,
    },
  });
  const contents = window.webContents;
  guardWebContents(contents, logger);
  beforeLoad(contents);

  window.once('ready-to-show', () => {
    window.show();
  });
  // Without this a renderer that fails to load would leave an invisible app running.
  // -3 is ERR_ABORTED: a navigation the guards cancelled, not a failed page.
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === -3) {
      return;
    }
    logger.error(`renderer failed to load ${validatedURL}: ${errorDescription} (${errorCode})`);
    if (!window.isVisible()) {
      window.show();
    }
  });
  contents.on('render-process-gone', (_event, details) => {
    logger.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });

  contents.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    logger.error('could not load the renderer', error);
  });
  return window;
};

/** Brings the window forward, e.g. when a second instance was started. */
export const focusWindow = (window: BrowserWindow): void => {
  if (window.isMinimized()) {
    window.restore();
  }
  window.show();
  window.focus();
};
