import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { message, openRoom, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
});

test('opening a room shows recent history and scrolling back loads older messages', async ({ browser }) => {
  const [reader, writer] = await Promise.all([newTestUser('pembaca'), newTestUser('penulis')]);
  const writerApi = matrixApi(writer.baseUrl, writer.accessToken);
  const roomId = await writerApi.createRoom({ name: 'Arsip Rapat', invite: [reader.userId] });
  await matrixApi(reader.baseUrl, reader.accessToken).join(roomId);
  for (let index = 1; index <= 60; index++) {
    await writerApi.sendText(roomId, `pesan nomor ${String(index)}`);
  }
  // Formatted messages are shown, but nothing in them runs.
  await writerApi.sendHtml(
    roomId,
    'tebal',
    '<b>tebal</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">klik</a>',
  );

  app = await startApp();
  const { page } = await signIn(browser, app, reader);
  await openRoom(page, 'Arsip Rapat');
  await expect(message(page, 'pesan nomor 60')).toBeVisible();
  await expect(message(page, 'pesan nomor 1')).toHaveCount(0);

  const formatted = page.getByTestId('timeline-item').filter({ hasText: 'tebal' }).last();
  await expect(formatted.locator('b')).toHaveText('tebal');
  await expect(formatted.locator('img, script')).toHaveCount(0);
  expect(await formatted.locator('a').getAttribute('href')).toBeNull();
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Scroll to the top until the first message arrives; each page loads older ones.
  await expect(async () => {
    await page.getByTestId('timeline').evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(message(page, 'pesan nomor 1')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // Only rows near the screen are in the DOM: walk back down, reading what each screen shows.
  // Nothing is shown twice on the way, and every message comes once, in order.
  const seen = await page.getByTestId('timeline').evaluate(async (scroller) => {
    const order: string[] = [];
    const duplicates: string[] = [];
    for (let step = 0; step < 400; step += 1) {
      const bodies = [...scroller.querySelectorAll('[data-testid="message-body"]')].map((body) => body.textContent);
      duplicates.push(...bodies.filter((body, index) => bodies.indexOf(body) !== index));
      for (const body of bodies) {
        if (!order.includes(body)) {
          order.push(body);
        }
      }
      // At the bottom of the live end: a window short of it shows the jump-to-newest button.
      const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 1;
      if (atBottom && document.querySelector('[data-testid="jump-newest"]') === null) {
        break;
      }
      scroller.scrollBy(0, scroller.clientHeight / 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { order, duplicates };
  });
  expect(seen.duplicates).toEqual([]);
  const numbers = seen.order.filter((body) => body.startsWith('pesan nomor ')).map((body) => Number(body.slice(12)));
  expect(numbers).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
});
