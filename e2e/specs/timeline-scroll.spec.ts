import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { message, openRoom, send, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

let app: RunningApp | undefined;
test.afterEach(async () => {
  await app?.stop();
});

const MESSAGES = 300;
/**
 * The reader had read up to here before opening the room: the "new messages" line goes after
 * it. Within the newest 20 (the first sync's page), so main's first window holds it.
 */
const READ_UP_TO = 290;

const body = (index: number): string => `baris ${String(index)}`;

/** The top of an item's row relative to the timeline's top, in px; null when it is not rendered. */
const offsetInTimeline = (page: Page, item: Locator): Promise<number | null> =>
  item.evaluate((element) => {
    const scroller = element.closest('[data-testid="timeline"]');
    return scroller === null ? null : element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  });

const scrollBy = async (page: Page, px: number): Promise<void> => {
  await page.getByTestId('timeline').evaluate((element, by) => {
    element.scrollBy(0, by);
  }, px);
};

test('a long room scrolls as a virtual list: older pages keep the reading place, new messages stick at the bottom or wait behind the jump button, and the new-messages line marks where reading stopped', async ({
  browser,
}) => {
  test.setTimeout(4 * 60_000);
  const [reader, writer] = await Promise.all([newTestUser('pembaca'), newTestUser('penulis')]);
  const writerApi = matrixApi(writer.baseUrl, writer.accessToken);
  const readerApi = matrixApi(reader.baseUrl, reader.accessToken);
  const roomId = await writerApi.createRoom({ name: 'Ruang Panjang', invite: [reader.userId] });
  await readerApi.join(roomId);
  let readUpTo = '';
  for (let index = 1; index <= MESSAGES; index++) {
    const eventId = await writerApi.sendText(roomId, body(index));
    if (index === READ_UP_TO) {
      readUpTo = eventId;
    }
  }
  // The reader's other device read up to here.
  const receipt = await fetch(`${reader.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/receipt/m.read/${encodeURIComponent(readUpTo)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${reader.accessToken}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(receipt.ok).toBe(true);

  app = await startApp();
  const { page } = await signIn(browser, app, reader);

  await openRoom(page, 'Ruang Panjang');
  const timeline = page.getByTestId('timeline');
  await expect(message(page, body(MESSAGES))).toBeVisible();
  await expect(timeline).toHaveAttribute('role', 'log');

  // Only what is near the screen is in the DOM, not the whole window.
  expect(await page.getByTestId('timeline-item').count()).toBeLessThan(120);
  // The line sits after the last message read, though opening the room marked it all read.
  await expect(page.getByTestId('new-messages-marker')).toHaveCount(1);
  await expect(page.getByTestId('new-messages-marker')).toHaveText(/Pesan baru/);
  const markerAfterRead = await page.getByTestId('new-messages-marker').evaluate((marker, text) => {
    const bodies = [...document.querySelectorAll('[data-testid="message-body"]')];
    const read = bodies.find((element) => element.textContent === text);
    return read !== undefined && (read.compareDocumentPosition(marker) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }, body(READ_UP_TO));
  expect(markerAfterRead).toBe(true);

  // At the bottom a new message sticks: it is on screen without scrolling.
  await writerApi.sendText(roomId, 'baru di bawah');
  await expect(message(page, 'baru di bawah')).toBeInViewport();
  await expect(page.getByTestId('jump-newest')).toHaveCount(0);

  // Scrolled up, a new message waits: the jump button shows, with the count of new ones.
  // (Virtuoso may still be settling the follow-to-bottom of the last message: scroll again if so.)
  await expect(async () => {
    await scrollBy(page, -3_000);
    await expect(page.getByTestId('jump-newest')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await writerApi.sendText(roomId, 'baru saat membaca ke atas');
  await expect(page.getByTestId('jump-newest')).toHaveAttribute('aria-label', 'Ke pesan terbaru (1 baru)');
  await expect(message(page, 'baru saat membaca ke atas')).not.toBeInViewport();
  await page.getByTestId('jump-newest').focus();
  await page.keyboard.press('Enter');
  await expect(message(page, 'baru saat membaca ke atas')).toBeInViewport();
  await expect(page.getByTestId('jump-newest')).toHaveCount(0);

  // Scrolling to the top pages older messages in; the message at the top stays where it was.
  // (First the last viewport hint, at the bottom, reaches main: main trims by it, and a jump to
  // the top made faster than the hint can lose the rows it lands on. A person's scroll is slower.)
  await page.waitForTimeout(1_500);
  const anchor = await timeline.evaluate(async (element) => {
    element.scrollTop = 0;
    // The list renders the rows at the new place on the next frames: read the top after that,
    // not the rows still laid out for where the list was before.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const top = element.getBoundingClientRect().top;
    const first = [...element.querySelectorAll('[data-testid="message-body"]')].find((body) => body.getBoundingClientRect().top >= top);
    return first === undefined ? null : { text: first.textContent, offset: first.getBoundingClientRect().top - top };
  });
  expect(anchor).not.toBeNull();
  // Older rows arrive above it…
  await expect.poll(async () => page.getByTestId('message-body').first().textContent(), { timeout: 30_000 }).not.toBe(anchor?.text);
  await expect(page.getByTestId('timeline-loading-older')).toHaveCount(0, { timeout: 30_000 });
  // …and it did not move down by their height: the list kept the reading place.
  const after = await offsetInTimeline(page, message(page, anchor?.text ?? ''));
  expect(after).not.toBeNull();
  expect(Math.abs((after ?? 0) - (anchor?.offset ?? 0))).toBeLessThan(100);

  // Keep going to the room's first message.
  await expect(async () => {
    await timeline.evaluate((element) => {
      element.scrollTop = 0;
    });
    await expect(message(page, body(1))).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(message(page, body(1))).toBeVisible();
  await expect(page.locator('.timeline-start')).toHaveText('Awal percakapan');
  // Every message is from today: one day heading, above the first of them.
  await expect(page.getByTestId('day-separator')).toHaveText(['Hari ini']);

  // Keyboard: End goes back to the newest from the top, with the list focused.
  await timeline.focus();
  await page.keyboard.press('End');
  await expect(message(page, 'baru saat membaca ke atas')).toBeInViewport({ timeout: 30_000 });
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('jump-newest')).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('jump-newest')).toHaveCount(0);
  await send(page, 'balasan pembaca');
  await expect(message(page, 'balasan pembaca')).toBeInViewport();
});
