import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, expect, test } from '@playwright/test';

/*
 * Launches the real Electron app (not the loopback transport the other specs use) and
 * checks the window is locked down: sandboxed page, only `window.rembuk`, no popups,
 * the preload's own channel check. Needs `npm run build` first and Electron's binary,
 * which `npm install` downloads from GitHub; where that download is impossible the
 * test is skipped, not failed.
 */

const repoRoot = path.resolve(import.meta.dirname, '../..');
const electronDir = path.join(repoRoot, 'node_modules/electron');

/** Never `require('electron')` here: with no binary it starts a download. */
const electronBinary = (): string | null => {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(path.join(electronDir, 'dist')) || !existsSync(pathFile)) {
    return null;
  }
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

type PageBridge = { invoke: (channel: string, input: unknown) => Promise<unknown> };
type Recorder = { rembukOpenedExternally?: string[] };

test('the Electron window starts locked down', async () => {
  const binary = electronBinary();
  test.skip(
    binary === null,
    `Electron binary not installed (its download needs GitHub, unreachable here): ${path.join(electronDir, 'dist')} or path.txt is missing`,
  );
  if (binary === null) {
    return;
  }
  expect(existsSync(path.join(repoRoot, 'dist/main/electron/app.js')), 'run `npm run build` first').toBe(true);
  expect(existsSync(path.join(repoRoot, 'dist/preload/preload.cjs')), 'run `npm run build` first').toBe(true);

  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'rembuk-electron-'));
  // A CI machine has no unlocked keyring: allow the key-file store, as Element's CI does.
  const args = ['.', '--profile-dir', profileDir, '--allow-plaintext-secrets', '--password-store=basic'];
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    // Chromium will not start as root with its OS sandbox; the page is still sandboxed by Electron.
    args.push('--no-sandbox');
  }
  const app = await _electron.launch({
    executablePath: binary,
    args,
    cwd: repoRoot,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const page = await app.firstWindow();

    await test.step('shows the sign-in form in a window called Rembuk', async () => {
      await expect(page.getByTestId('signin-homeserver')).toBeVisible();
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toMatch(/Rembuk/);
      expect(page.url()).toMatch(/^app:\/\/rembuk\//);
    });

    await test.step('exposes only the bridge, and no Node', async () => {
      const globals = await page.evaluate(() => {
        const bridge: unknown = (window as unknown as Record<string, unknown>).rembuk;
        return {
          keys: typeof bridge === 'object' && bridge !== null ? Object.keys(bridge).sort() : null,
          require: typeof require,
          process: typeof process,
        };
      });
      expect(globals).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
    });

    await test.step('answers through the bridge, and main refuses unknown channels', async () => {
      const [unknown, session] = await page.evaluate(async () => {
        const bridge = (window as unknown as { rembuk: PageBridge }).rembuk;
        return [await bridge.invoke('nope', {}), await bridge.invoke('session:get', {})];
      });
      expect(unknown).toEqual({ ok: false, error: { code: 'unknown_channel', detail: 'nope' } });
      expect(session).toEqual({ ok: true, value: null });
    });

    await test.step('serves the renderer with the CSP header', async () => {
      const csp = await page.evaluate(async () => (await fetch('/')).headers.get('content-security-policy'));
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
    });

    await test.step('window.open opens no window and hands web links to the OS', async () => {
      // Record instead of really starting a browser on the test machine.
      await app.evaluate(({ shell }) => {
        const opened: string[] = [];
        (globalThis as Recorder).rembukOpenedExternally = opened;
        shell.openExternal = (url: string) => {
          opened.push(url);
          return Promise.resolve();
        };
      });
      const result = await page.evaluate(() => window.open('https://example.org'));
      expect(result).toBeNull();
      await expect.poll(() => app.evaluate(() => (globalThis as Recorder).rembukOpenedExternally)).toEqual(['https://example.org/']);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      expect(app.windows()).toHaveLength(1);
    });

    await test.step('refuses to navigate away from app://rembuk/', async () => {
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await expect(page.getByTestId('signin-homeserver')).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/rembuk\//);
    });
  } finally {
    await app.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
});
