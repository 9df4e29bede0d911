/**
 * Cold start of the loopback app to a visible room list, for an account that already
 * signed in before (the usual start), against a baseline measured in the same run: a
 * bare matrix-js-sdk client in a fresh Node process reaching its first complete sync
 * with the same account and options (what the SDK alone costs, with no Rembuk).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startApp } from '../e2e/fixtures/app.ts';
import { matrixApi } from '../e2e/fixtures/matrix-api.ts';
import { benchBrowser, benchHomeserver, median, openSignedIn, report } from './bench-kit.ts';

const ROOMS = Number(process.env.ROOMS ?? 50);
const MESSAGES_PER_ROOM = Number(process.env.MESSAGES ?? 10);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const hs = await benchHomeserver();
const browser = await benchBrowser();
try {
  const member = await hs.registerUser('anggota', 'sandi-anggota');
  const api = matrixApi(hs.baseUrl, member.accessToken);
  for (let room = 0; room < ROOMS; room++) {
    const roomId = await api.createRoom({ name: `Ruang ${String(room).padStart(3, '0')}` });
    for (let index = 0; index < MESSAGES_PER_ROOM; index++) {
      await api.sendText(roomId, `pesan ${String(index)} di ruang ${String(room)}`);
    }
  }

  // Sign in once, as a member would have on an earlier day.
  const first = await startApp();
  const page = await openSignedIn(browser, first, hs, 'anggota', 'sandi-anggota');
  await page.locator('[data-testid="room-row"]').nth(ROOMS - 1).waitFor();
  await page.context().close();
  await first.stop();

  const rembuk: number[] = [];
  const coreUp: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // The browser's own start-up is not the app's: the window exists before the core starts.
    const context = await browser.newContext();
    const next = await context.newPage();
    const started = performance.now();
    const app = await startApp({ profileDir: first.profileDir });
    coreUp.push(performance.now() - started);
    await next.goto(app.url);
    await next.locator('[data-testid="room-row"]').nth(ROOMS - 1).waitFor({ timeout: 60_000 });
    rembuk.push(performance.now() - started);
    await context.close();
    await app.stop();
  }

  const baseline: number[] = [];
  const script = new URL('./sdk-baseline-client.ts', import.meta.url).pathname;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, ['--disable-warning=ExperimentalWarning', script, hs.baseUrl, member.userId, member.accessToken]);
    if (!stdout.includes(`ROOMS=${String(ROOMS)}`)) {
      throw new Error(`baseline client saw the wrong rooms: ${stdout}`);
    }
    baseline.push(performance.now() - started);
  }

  report(`cold start to a visible room list (${String(ROOMS)} rooms × ${String(MESSAGES_PER_ROOM)} messages, ${String(ROUNDS)} rounds)`, {
    'Rembuk: process start → core listening, median (ms)': median(coreUp),
    'Rembuk: process start → room list shown, median (ms)': median(rembuk),
    'baseline: bare matrix-js-sdk process → first sync, median (ms)': median(baseline),
    'ratio Rembuk / baseline': (median(rembuk) / median(baseline)).toFixed(2),
  });
} finally {
  await browser.close();
  await hs.stop();
}
