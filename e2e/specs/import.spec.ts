import { walkTimeline, type SeenItem } from '../fixtures/timeline-walk.ts';
import { expect, test, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { fixtureZip } from '../fixtures/import-files.ts';
import { openNewMenu, roomRow, signIn, type Member } from '../fixtures/member.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const member = async (browser: Parameters<typeof signIn>[0], prefix: string, displayName: string): Promise<Member> => {
  const app = await startApp();
  apps.push(app);
  return signIn(browser, app, await newTestUser(prefix, { displayName }));
};

/** Picks the export in the window, as a member does, and waits for main's preview. */
const openExport = async (page: Page, zip: string): Promise<void> => {
  await openNewMenu(page, 'import-open');
  await page.getByTestId('import-file-input').setInputFiles(fixtureZip(zip));
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
  // The fixtures' phones were in Jakarta; the browser here may not be.
  await page.getByTestId('import-time-zone').selectOption('Asia/Jakarta');
};

const startAndFinish = async (page: Page): Promise<void> => {
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 90_000 });
};

test('an Android export with media moves into a new encrypted room; someone who asks by the link reads it under the original senders and times', async ({
  browser,
}) => {
  test.setTimeout(4 * 60_000);
  const admin = await member(browser, 'pengurus', 'Pengurus');
  const budi = await member(browser, 'budi', 'Budi di Rembuk');
  const { page } = admin;

  await openExport(page, 'android-id-with-media.zip');
  await expect(page.getByTestId('import-count-messages')).toContainText('17');
  await expect(page.getByTestId('import-count-media')).toContainText('11');
  await expect(page.getByTestId('import-skipped')).toBeVisible();
  await expect(page.getByTestId('import-room-name')).toHaveValue('Koperasi Tani Makmur');
  // Budi Santoso on WhatsApp is Budi's account on Rembuk.
  const budiRow = page.getByTestId('import-mapping-row').filter({ hasText: 'Budi Santoso' });
  await budiRow.getByRole('textbox').fill(budi.user.userId);
  await budiRow.getByRole('textbox').blur();
  await expect(budiRow).toContainText('Budi di Rembuk');
  await startAndFinish(page);

  // Bringing the group over: the link, its QR code and the message for the old group.
  const link = (await page.getByTestId('import-link').textContent()) ?? '';
  expect(link).toMatch(/^https:\/\/matrix\.to\/#\/!/);
  await expect(page.getByTestId('import-qr')).toBeVisible();
  await expect(page.getByTestId('import-message-id')).toHaveValue(new RegExp(`Koperasi Tani Makmur[\\s\\S]*${link.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.getByTestId('import-message-en')).toHaveValue(/moving to Rembuk/);

  // Budi asks to join by the link; the admin lets him in (which hands over the history's keys).
  await openNewMenu(budi.page, 'join-link');
  await budi.page.getByTestId('join-link-input').fill(link);
  await budi.page.getByTestId('join-link-submit').click();
  await expect(budi.page.getByTestId('join-link-requested')).toBeVisible();
  await budi.page.keyboard.press('Escape');
  await expect(page.getByTestId('knock-row')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('knock-accept').click();
  const invite = roomRow(budi.page, 'Koperasi Tani Makmur');
  await invite.getByTestId('invite-accept').click();
  await roomRow(budi.page, 'Koperasi Tani Makmur').click();

  // All 18 entries, each under its WhatsApp author (Budi's own under his Rembuk name) at its original time.
  // The list is virtual: read it screen by screen, from the first message down.
  let seen: SeenItem[] = [];
  await expect(async () => {
    seen = await walkTimeline(budi.page);
    expect(seen.filter((item) => item.imported)).toHaveLength(18);
  }).toPass({ timeout: 90_000 });
  const imported = seen.filter((item) => item.imported);
  const withText = (text: string): SeenItem[] => imported.filter((item) => item.text.includes(text));
  expect(seen.some((item) => item.text.includes('Siti Rahayu'))).toBe(true);
  // Budi Santoso's messages are Budi's own now: his side of the chat, no name above them.
  expect(withText('Foto nota pembelian pupuk')[0]?.className).toMatch(/\bown\b/);
  expect(withText('Mohon dicek sebelum rapat')[0]?.className).toMatch(/\bother\b/);
  expect(imported[0]?.badge).toContain('Diimpor dari WhatsApp');
  // 05/01/24 10.00 in Jakarta: the first entry's original time, not the import's.
  expect(imported[0]?.importedTime).toBe('2024-01-05T03:00:00.000Z');
  expect(withText('IMG-20240105-WA0099.jpg')).toHaveLength(1);
  expect(seen.filter((item) => item.kind === 'encrypted')).toHaveLength(0);
  // The two photos and the organisation chart, decrypted and decoded.
  await expect(async () => {
    expect((await walkTimeline(budi.page)).filter((item) => item.decodedImage).length).toBeGreaterThanOrEqual(3);
  }).toPass({ timeout: 60_000 });
});

test('an iOS export with media moves into a new encrypted room that an invited member reads with its photos', async ({ browser }) => {
  test.setTimeout(4 * 60_000);
  const admin = await member(browser, 'ketua', 'Ketua');
  const ayu = await member(browser, 'ayu', 'Ayu');
  const { page } = admin;

  await openExport(page, 'ios-en-with-media.zip');
  await expect(page.getByTestId('import-count-messages')).toContainText('18');
  await expect(page.getByTestId('import-count-media')).toContainText('5');
  await page.getByTestId('import-room-name').fill('Tani Organik');
  await startAndFinish(page);

  const bridge = await connectBridge(admin.app.url);
  const job = (await bridge.invoke('import:list', {})).find((candidate) => candidate.roomName === 'Tani Organik');
  const roomId = job?.roomId ?? '';
  expect(job).toMatchObject({ phase: 'done', total: 19, done: 19, mediaTotal: 5, mediaDone: 5 });
  await bridge.invoke('room:invite', { roomId, userId: ayu.user.userId });
  bridge.close();
  await until('the invite to reach Ayu', async () => ((await roomRow(ayu.page, 'Tani Organik').count()) > 0 ? true : undefined), 30_000);
  await roomRow(ayu.page, 'Tani Organik').getByTestId('invite-accept').click();
  await roomRow(ayu.page, 'Tani Organik').click();

  let seen: SeenItem[] = [];
  await expect(async () => {
    seen = await walkTimeline(ayu.page);
    expect(seen.filter((item) => item.imported)).toHaveLength(19);
  }).toPass({ timeout: 90_000 });
  expect(seen.filter((item) => item.text.includes('Harvest today!'))).toHaveLength(1);
  // 1/12/21 4:37:05 PM in Jakarta (month first, as the file says).
  expect(seen.some((item) => item.importedTime?.startsWith('2021') === true)).toBe(true);
  await expect(async () => {
    expect((await walkTimeline(ayu.page)).filter((item) => item.decodedImage).length).toBeGreaterThanOrEqual(2);
  }).toPass({ timeout: 60_000 });
});
