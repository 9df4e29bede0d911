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
  await writerApi.sendHtml(roomId, 'tebal', '<b>tebal</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">klik</a>');

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
  // Nothing was shown twice on the way.
  await expect(message(page, 'pesan nomor 30')).toHaveCount(1);
  const bodies = await page.getByTestId('message-body').allTextContents();
  const numbers = bodies.filter((body) => body.startsWith('pesan nomor ')).map((body) => Number(body.slice(12)));
  expect(numbers).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
});
