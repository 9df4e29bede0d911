/**
 * Time from one member pressing Enter to the other member's screen showing the
 * message, through two Rembuk cores and one Synapse (median of 20), against a
 * baseline measured in the same run: the same message sent with a bare HTTP PUT and
 * received by a bare /sync long-poll, with no client in between.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp } from '../e2e/fixtures/app.ts';
import { matrixApi } from '../e2e/fixtures/matrix-api.ts';
import { benchBrowser, benchHomeserver, median, openSignedIn, percentile, report } from './bench-kit.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 20);

const hs = await benchHomeserver();
const browser = await benchBrowser();
const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
try {
  const alice = await hs.registerUser('alice', 'sandi-alice');
  const bob = await hs.registerUser('bob', 'sandi-bob');
  const aliceApi = matrixApi(hs.baseUrl, alice.accessToken);
  const bobApi = matrixApi(hs.baseUrl, bob.accessToken);
  const roomId = await aliceApi.createRoom({ name: 'Bench', invite: [bob.userId] });
  await bobApi.join(roomId);

  // Baseline: PUT by one user, seen by another's /sync long-poll.
  const baseline: number[] = [];
  let since = (
    (await (await fetch(`${hs.baseUrl}/_matrix/client/v3/sync?timeout=0`, { headers: { Authorization: `Bearer ${bob.accessToken}` } })).json()) as {
      next_batch: string;
    }
  ).next_batch;
  for (let round = 0; round < ROUNDS; round++) {
    const body = `baseline ${String(round)}`;
    const started = performance.now();
    const seen = (async () => {
      for (;;) {
        const response = await fetch(`${hs.baseUrl}/_matrix/client/v3/sync?timeout=10000&since=${since}`, {
          headers: { Authorization: `Bearer ${bob.accessToken}` },
        });
        const data = (await response.json()) as {
          next_batch: string;
          rooms?: { join?: Record<string, { timeline?: { events?: { content?: { body?: string } }[] } }> };
        };
        since = data.next_batch;
        if (data.rooms?.join?.[roomId]?.timeline?.events?.some((event) => event.content?.body === body)) {
          return performance.now();
        }
      }
    })();
    await sleep(20); // the long-poll is waiting before the send, as a running client's would be
    await aliceApi.sendText(roomId, body);
    baseline.push((await seen) - started - 20);
  }

  const alicePage = await openSignedIn(browser, aliceApp, hs, 'alice', 'sandi-alice');
  const bobPage = await openSignedIn(browser, bobApp, hs, 'bob', 'sandi-bob');
  for (const page of [alicePage, bobPage]) {
    await page.locator('[data-testid="room-row"][data-room-name="Bench"]').click();
    await page.getByTestId('composer').waitFor();
  }

  const rembuk: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const body = `pesan bench ${String(round)}`;
    // Bob's page records when the text is first in the DOM; Alice's when Enter goes down.
    await bobPage.evaluate((text) => {
      const w = window as unknown as { __seenAt?: number };
      delete w.__seenAt;
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="timeline"]')?.textContent.includes(text)) {
          w.__seenAt = performance.timeOrigin + performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, body);
    await alicePage.evaluate(() => {
      const w = window as unknown as { __pressedAt?: number };
      document.addEventListener(
        'keydown',
        (event) => {
          if (event.key === 'Enter') {
            w.__pressedAt = performance.timeOrigin + performance.now();
          }
        },
        { once: true, capture: true },
      );
    });
    await alicePage.getByTestId('composer').fill(body);
    await alicePage.getByTestId('composer').press('Enter');
    await bobPage.waitForFunction(() => (window as unknown as { __seenAt?: number }).__seenAt !== undefined, undefined, { timeout: 30_000 });
    const pressedAt = await alicePage.evaluate(() => (window as unknown as { __pressedAt: number }).__pressedAt);
    const seenAt = await bobPage.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt);
    rembuk.push(seenAt - pressedAt);
    await sleep(100);
  }

  report(`send → other member's screen (${String(ROUNDS)} messages)`, {
    'Rembuk median (ms)': median(rembuk),
    'Rembuk p90 (ms)': percentile(rembuk, 90),
    'baseline: bare PUT → bare /sync, median (ms)': median(baseline),
    'ratio Rembuk / baseline': (median(rembuk) / median(baseline)).toFixed(2),
  });
} finally {
  await browser.close();
  await Promise.all([aliceApp.stop(), bobApp.stop()]);
  await hs.stop();
}
