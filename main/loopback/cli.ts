import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AppCore } from '../core/app-core.ts';
import { consoleLogger } from '../core/ports.ts';
import { lockProfile, ProfileInUseError } from '../core/profile/profile-lock.ts';
import { KeyFileSecretBox } from '../core/storage/key-file-secret-box.ts';
import { startLoopbackServer } from './server.ts';

// V8 keeps the compiled code of matrix-js-sdk and the core between starts (Node's own
// cache folder): a cold start then skips most of the parsing.
module.enableCompileCache();

/**
 * Runs Rembuk without Electron: the main core in plain Node, the renderer in a browser
 * over a loopback WebSocket. Prints `REMBUK_URL=…` (tests read it) and keeps running
 * until SIGINT/SIGTERM.
 */
const { values } = parseArgs({
  options: {
    'profile-dir': { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean', default: false },
    // Parse the core's answers and events against the contract too: e2e and start:web pass it.
    'check-contract': { type: 'boolean', default: false },
  },
});

const defaultProfileDir = (): string => {
  const base = process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  return path.join(base, 'rembuk-web');
};

// Built, this file is dist/main/loopback/cli.js beside dist/renderer; run from source it
// is main/loopback/cli.ts, and the renderer is still the built one in dist/renderer.
const staticDir = import.meta.filename.endsWith('.js')
  ? path.resolve(import.meta.dirname, '../../renderer')
  : path.resolve(import.meta.dirname, '../../dist/renderer');
const profileDir = path.resolve(values['profile-dir'] ?? defaultProfileDir());
const logger = consoleLogger('rembuk');

if (!existsSync(path.join(staticDir, 'index.html'))) {
  logger.error(`the renderer is not built: run "npm run build:renderer" first (${staticDir})`);
  process.exit(1);
}
await mkdir(profileDir, { recursive: true, mode: 0o700 });
let unlock: () => Promise<void>;
try {
  unlock = await lockProfile(profileDir);
} catch (error) {
  if (error instanceof ProfileInUseError) {
    logger.error(`Rembuk sudah berjalan dengan profil ini / Rembuk is already running with this profile (pid ${String(error.pid)}): ${profileDir}`);
    process.exit(3);
  }
  throw error;
}

// The window loads while the core loads (matrix-js-sdk alone takes a few hundred ms) and
// opens the saved session: the socket is up first, and requests wait for the core.
const secretBox = await KeyFileSecretBox.open(profileDir);
let coreLoaded: (core: AppCore) => void = () => undefined;
const loading = new Promise<AppCore>((resolve) => {
  coreLoaded = resolve;
});
const server = await startLoopbackServer({ core: loading, staticDir, logger, port: values.port === undefined ? undefined : Number(values.port) });
console.log(`REMBUK_URL=${server.url}`);
logger.info(`Rembuk berjalan di / is running at ${server.url} (profile ${profileDir})`);
if (values.open) {
  openAppWindow(server.url);
}
const { createAppCore } = await import('../core/create-app-core.ts');
const core = createAppCore({ profileDir, secretBox, logger, checkContract: values['check-contract'] });
coreLoaded(core);
await core.start();

let stopping = false;
const stop = async (): Promise<void> => {
  if (stopping) {
    return;
  }
  stopping = true;
  await server.close();
  await core.shutdown();
  await unlock();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

function openAppWindow(url: string): void {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));
  const [command, args] =
    chromium !== undefined
      ? [chromium, [`--app=${url}`, `--user-data-dir=${path.join(profileDir, 'chromium')}`, '--no-first-run', '--disable-background-networking']]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : process.platform === 'win32'
          ? ['cmd', ['/c', 'start', '', url]]
          : ['xdg-open', [url]];
  spawn(command, args, { stdio: 'ignore', detached: true })
    .on('error', () => {
      logger.warn(`could not open a window; open ${url} in a browser`);
    })
    .unref();
}
