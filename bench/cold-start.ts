/**
 * Cold start of the loopback app to a visible room list, for an account that already
 * signed in before (the usual start), against a baseline measured in the same run: the
 * bare initial /sync the core has to wait for, with the same account and token.
 */
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
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const app = await startApp({ profileDir: first.profileDir });
    const context = await browser.newContext();
    const next = await context.newPage();
    await next.goto(app.url);
    await next.locator('[data-testid="room-row"]').nth(ROOMS - 1).waitFor({ timeout: 60_000 });
    rembuk.push(performance.now() - started);
    await context.close();
    await app.stop();
  }

  const baseline: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const filter = encodeURIComponent(JSON.stringify({ room: { timeline: { limit: 20 }, state: { lazy_load_members: true } } }));
    const response = await fetch(`${hs.baseUrl}/_matrix/client/v3/sync?timeout=0&filter=${filter}`, { headers: { Authorization: `Bearer ${member.accessToken}` } });
    await response.json();
    baseline.push(performance.now() - started);
  }

  report(`cold start to a visible room list (${String(ROOMS)} rooms × ${String(MESSAGES_PER_ROOM)} messages, ${String(ROUNDS)} rounds)`, {
    'Rembuk: process start → room list shown, median (ms)': median(rembuk),
    'baseline: bare initial /sync, median (ms)': median(baseline),
    'ratio Rembuk / baseline': (median(rembuk) / median(baseline)).toFixed(2),
  });
} finally {
  await browser.close();
  await hs.stop();
}
