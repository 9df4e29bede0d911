/**
 * Cold start of the loopback app to a visible room list, for an account that signed in
 * before (its device store on disk), beside the same account with an empty store (a
 * fresh sign-in: full initial sync), and a baseline measured in the same run: a bare
 * matrix-js-sdk client in a fresh Node process reaching its first complete sync with the
 * same account (what the SDK alone costs over the network). Also the store's size on disk.
 * Defaults: 200 rooms × 100 messages = 20,000 events.
 */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { startApp } from '../e2e/fixtures/app.ts';
import { matrixApi } from '../e2e/fixtures/matrix-api.ts';
import { signInThroughUi } from '../e2e/fixtures/member.ts';
import { DEVICE_STORE_FILE } from '../main/core/matrix/device-store.ts';
import { benchBrowser, benchHomeserver, median, report } from './bench-kit.ts';

const ROOMS = Number(process.env.ROOMS ?? 200);
const MESSAGES_PER_ROOM = Number(process.env.MESSAGES ?? 100);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SEED_CONCURRENCY = 8;

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface merges into Window
  interface Window {
    /** Wall-clock ms of the first frame that showed every room row (set by the init script below). */
    rembukRowsShownAt?: number;
  }
}

/**
 * The moment the page paints the whole list, taken inside the page: the frame after the
 * last row entered the DOM. Playwright's own `waitFor` polls with back-off (up to 500 ms
 * between checks), which would measure its polling rather than the app.
 */
const recordRowsShown = (expected: number): void => {
  new MutationObserver((_records, observer) => {
    if (document.querySelectorAll('[data-testid="room-row"]').length >= expected) {
      observer.disconnect();
      requestAnimationFrame(() => {
        window.rembukRowsShownAt = Date.now();
      });
    }
  }).observe(document, { subtree: true, childList: true });
};

const roomListShown = async (browser: Browser, profileDir: string | undefined, signIn?: () => Promise<void>) => {
  // The browser's own start-up is not the app's: the window exists before the core starts.
  const context = await browser.newContext();
  await context.addInitScript(recordRowsShown, ROOMS);
  const page = await context.newPage();
  const started = Date.now();
  const app = await startApp(profileDir === undefined ? {} : { profileDir });
  const listening = Date.now() - started;
  await page.goto(app.url);
  if (signIn !== undefined) {
    await page.getByTestId('signin-homeserver').waitFor();
    await signIn.call(page);
  }
  await page
    .locator('[data-testid="room-row"]')
    .nth(ROOMS - 1)
    .waitFor({ timeout: 300_000 });
  const shownAt = await page.waitForFunction(() => window.rembukRowsShownAt).then((handle) => handle.jsonValue() as Promise<number>);
  const shown = shownAt - started;
  await context.close();
  await app.stop();
  return { listening, shown, profileDir: app.profileDir, page };
};

const hs = await benchHomeserver();
const browser = await benchBrowser();
try {
  const member = await hs.registerUser('anggota', 'sandi-anggota');
  const api = matrixApi(hs.baseUrl, member.accessToken);
  const seedStarted = performance.now();
  const queue = Array.from({ length: ROOMS }, (_, room) => room);
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      for (let room = queue.shift(); room !== undefined; room = queue.shift()) {
        const roomId = await api.createRoom({ name: `Ruang ${String(room).padStart(3, '0')}` });
        for (let index = 0; index < MESSAGES_PER_ROOM; index++) {
          await api.sendText(roomId, `pesan ${String(index)} di ruang ${String(room)}`);
        }
      }
    }),
  );
  console.log(`seeded ${String(ROOMS * MESSAGES_PER_ROOM)} events in ${String(ROOMS)} rooms in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);

  // Empty store: a fresh profile, signing in through the window, full initial sync.
  const fresh: number[] = [];
  let profileDir = '';
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const run = await roomListShown(browser, undefined, async function (this: Page) {
      await signInThroughUi(this, { homeserverUrl: hs.baseUrl, username: 'anggota', password: 'sandi-anggota' });
    });
    fresh.push(run.shown);
    profileDir = run.profileDir;
  }

  // Persisted store: the last of those profiles, started again and again.
  const warm: number[] = [];
  const listening: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = await roomListShown(browser, profileDir);
    warm.push(run.shown);
    listening.push(run.listening);
  }
  const store = path.join(profileDir, DEVICE_STORE_FILE);
  const size =
    (await stat(store)).size +
    (await stat(`${store}-wal`).then(
      (s) => s.size,
      () => 0,
    ));

  const baseline: number[] = [];
  const script = new URL('./sdk-baseline-client.ts', import.meta.url).pathname;
  for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', script, hs.baseUrl, member.userId, member.accessToken],
      { maxBuffer: 1 << 24 },
    );
    if (!stdout.includes(`ROOMS=${String(ROOMS)}`)) {
      throw new Error(`baseline client saw the wrong rooms: ${stdout}`);
    }
    baseline.push(performance.now() - started);
  }

  report(`cold start to a visible room list (${String(ROOMS)} rooms × ${String(MESSAGES_PER_ROOM)} messages)`, {
    'persisted store: start → core listening, median (ms)': median(listening),
    'persisted store: start → room list shown, median (ms)': median(warm),
    'empty store: start → sign-in → room list shown, median (ms)': median(fresh),
    'baseline: bare matrix-js-sdk process → first sync, median (ms)': median(baseline),
    'ratio persisted / baseline': (median(warm) / median(baseline)).toFixed(2),
    'device store on disk (MB)': size / 1024 / 1024,
  });
} finally {
  await browser.close();
  await hs.stop();
}
