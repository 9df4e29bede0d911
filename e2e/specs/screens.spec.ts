import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
// A plain constant (no electron import): the window's real minimum, so the test cannot drift from it.
// eslint-disable-next-line no-restricted-imports
import { MAIN_WINDOW_SIZE } from '../../main/electron/windows/window-size.ts';
import type { Language } from '../../shared/model/settings.ts';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { fixtureZip } from '../fixtures/import-files.ts';
import { message, openNewMenu, openRoom, roomRow } from '../fixtures/member.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';

/*
 * The main screens, in both languages and both themes, compared with committed baselines
 * (screens.spec.ts-snapshots/; `--update-snapshots` writes them anew), and checked with axe-core.
 * One member's core is seeded once for the whole file; each look is a fresh window on it (the
 * language follows the window's locale while the member has not chosen one, the theme follows
 * its colour scheme). Emoji come from the bundled Twemoji (COLRv0) font, which this Chromium
 * paints; a font it cannot paint would show as blank chips against the baselines.
 */

type Bridge = Awaited<ReturnType<typeof connectBridge>>;
type Look = { language: Language; theme: 'light' | 'dark' };
type World = { sari: Bridge & { app: RunningApp }; apps: RunningApp[] };

const LOOKS: Look[] = [
  { language: 'id', theme: 'light' },
  { language: 'id', theme: 'dark' },
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
];
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };
const ROOM = 'Rapat Pengurus';
const COOP = 'Koperasi Tani Makmur';
const PROPOSAL = 'Menaikkan simpanan wajib';

/*
 * Repeated runs on this machine render every screen pixel for pixel the same (four runs, 0 pixels
 * over Playwright's default colour threshold), so the allowance is a few pixels, not a share of the
 * screen: one changed letter is some 40 pixels and must fail. The masks are a quiet grey, since
 * README.md shows some of these screenshots.
 */
const SCREENSHOT = { animations: 'disabled', maxDiffPixels: 10, maskColor: '#9aa0a8' } as const;

let world: World | undefined;

/** A member on their own core, signed in over the bridge, the recovery key taken so no window shows it. */
const coreMember = async (user: TestUser, apps: RunningApp[]): Promise<Bridge & { app: RunningApp }> => {
  const app = await startApp();
  apps.push(app);
  const bridge = await connectBridge(app.url);
  await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  await until(`${user.localpart}'s recovery key`, async () => (await bridge.invoke('security:takeRecoveryKey', {}))?.recoveryKey, 60_000);
  return Object.assign(bridge, { app });
};

/** The event id of an item the member sent, once it is sent. */
const sentEventId = async (timeline: Awaited<ReturnType<Bridge['watchTimeline']>>, itemId: string): Promise<string> =>
  until(`item ${itemId} to be sent`, () => timeline.items().find((item) => item.id === itemId)?.eventId ?? undefined);

/**
 * Sari and Budi on their own cores; an encrypted room with a short conversation (two replies,
 * reactions) and a co-op with one open proposal Budi voted on. Fixed names throughout.
 */
const seed = async (): Promise<World> => {
  const apps: RunningApp[] = [];
  const [sariUser, budiUser] = await Promise.all([
    newTestUser('sari', { displayName: 'Sari Wulandari' }),
    newTestUser('budi', { displayName: 'Budi Santoso' }),
  ]);
  const [sari, budi] = await Promise.all([coreMember(sariUser, apps), coreMember(budiUser, apps)]);

  const { roomId } = await sari.invoke('room:create', { name: ROOM, invite: [budiUser.userId] });
  await until('the invite to reach Budi', async () =>
    budi.invoke('invite:accept', { roomId }).then(
      () => true,
      () => undefined,
    ),
  );
  const sariTimeline = await sari.watchTimeline(roomId);
  const budiTimeline = await budi.watchTimeline(roomId);
  // Sari shares the room key only with members she has seen join.
  await until('Budi to have joined', () =>
    sariTimeline.items().some((item) => item.kind === 'membership' && item.change === 'joined' && item.sender === budiUser.userId) ? true : undefined,
  );
  const question = await sentEventId(
    budiTimeline,
    (await budi.invoke('message:send', { roomId, body: 'Selamat pagi! Rapat bulanan jadi hari Sabtu?' })).itemId,
  );
  await until('Sari to read the question', () =>
    sariTimeline.items().some((item) => item.eventId === question && item.kind === 'message') ? true : undefined,
  );
  const answer = await sentEventId(
    sariTimeline,
    (await sari.invoke('message:send', { roomId, body: 'Jadi, jam 9 di **balai desa**. Tolong bawa laporan kas ya.', replyTo: question })).itemId,
  );
  await until('Budi to read the answer', () => (budiTimeline.items().some((item) => item.eventId === answer && item.kind === 'message') ? true : undefined));
  await sari.invoke('message:react', { roomId, eventId: question, key: '🙏' });
  await budi.invoke('message:react', { roomId, eventId: answer, key: '👍' });
  // Budi's last, so Sari's read receipt can go on it (her own newest event would already count as read).
  await sentEventId(budiTimeline, (await budi.invoke('message:send', { roomId, body: 'Siap, laporan kas sudah saya siapkan 📒', replyTo: answer })).itemId);

  const { roomId: coopRoomId } = await sari.invoke('coop:create', {
    name: COOP,
    weights: { pendiri: 2500, pekerja: 3500, pengguna: 3000, investor: 1000 },
    invite: [budiUser.userId],
  });
  await until('the co-op invite to reach Budi', async () =>
    budi.invoke('invite:accept', { roomId: coopRoomId }).then(
      () => true,
      () => undefined,
    ),
  );
  await sari.invoke('coop:assignClass', { roomId: coopRoomId, userId: sariUser.userId, classId: 'pendiri' });
  await sari.invoke('coop:assignClass', { roomId: coopRoomId, userId: budiUser.userId, classId: 'pekerja' });
  const { proposalId } = await sari.invoke('coop:propose', {
    roomId: coopRoomId,
    title: PROPOSAL,
    body: 'Simpanan wajib naik dari **Rp10.000** menjadi **Rp15.000** per bulan, mulai bulan depan.',
    decisionType: 'biasa',
    kind: 'motion',
    closesAt: Date.now() + 7 * 24 * 3600_000,
  });
  await until('the proposal to reach Budi', async () =>
    (await budi.invoke('coop:proposal', { roomId: coopRoomId, proposalId }).catch(() => undefined))?.canVote === true ? true : undefined,
  );
  await budi.invoke('coop:vote', { roomId: coopRoomId, proposalId, answers: ['setuju'] });
  await until('Budi’s vote to reach Sari', async () =>
    (await sari.invoke('coop:proposal', { roomId: coopRoomId, proposalId })).tally.classes.some((entry) => entry.ballots > 0) ? true : undefined,
  );

  // Everything in Sari's timeline decrypted, and read, so no look sees a different unread count.
  await until('every message to be decrypted for Sari', () =>
    sariTimeline.items().filter((item) => item.kind === 'message').length === 3 && sariTimeline.items().every((item) => item.kind !== 'encrypted')
      ? true
      : undefined,
  );
  await sari.invoke('room:markRead', { roomId });
  await sari.invoke('room:markRead', { roomId: coopRoomId });
  sariTimeline.stop();
  budiTimeline.stop();
  return { sari, apps };
};

test.beforeAll(async () => {
  test.setTimeout(120_000);
  world = await seed();
});

test.afterAll(async () => {
  await Promise.all(world?.apps.map((app) => app.stop()) ?? []);
});

const openWindow = async (
  browser: Browser,
  look: Look,
  viewport: { width: number; height: number } = { width: MAIN_WINDOW_SIZE.width, height: MAIN_WINDOW_SIZE.height },
): Promise<Page> => {
  const context = await browser.newContext({
    locale: LOCALES[look.language],
    colorScheme: look.theme,
    timezoneId: 'Asia/Jakarta',
    reducedMotion: 'reduce',
    viewport,
  });
  const page = await context.newPage();
  await page.goto(world!.sari.app.url);
  await expect(page.getByTestId('room-list')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', look.language);
  return page;
};

/** What differs between runs: times and dates, avatars (coloured by random room and user ids), ids and the server's port. */
const changing = (page: Page): Locator[] => [
  page.locator('time'),
  page.locator('.avatar'),
  page.getByTestId('day-separator'),
  page.getByTestId('read-receipts'),
  page.getByTestId('proposal-deadline'),
  page.getByTestId('proposal-proposer'),
  page.getByTestId('proposal-time-left'),
  page.getByTestId('proposal-closes-at'),
  page.getByTestId('settings-user-id'),
  page.getByTestId('settings-device-id'),
  page.getByTestId('settings-homeserver'),
  page.getByTestId('device-row'),
];

/** No violation axe rates serious or critical; any found are listed one a line, with where. */
const expectAccessible = async (page: Page, screen: string): Promise<void> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const report = serious.map(
    (violation) =>
      `${violation.impact ?? ''} ${violation.id}: ${violation.help}\n${violation.nodes.map((node) => `    ${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(report, `axe on ${screen}`).toEqual([]);
};

const checkScreen = async (page: Page, screen: string, look: Look): Promise<void> => {
  // The emoji font loads when a glyph first needs it.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await expect(page).toHaveScreenshot(`${screen}-${look.language}-${look.theme}.png`, { ...SCREENSHOT, mask: changing(page) });
  // axe judges roles, names and contrast: the theme changes the colours, the language only the words
  // (the same components and labels), so axe runs in Indonesian, in both themes, to keep the spec fast.
  if (look.language === 'id') {
    await expectAccessible(page, `${screen} (${look.theme})`);
  }
};

for (const look of LOOKS) {
  test(`${look.language}, ${look.theme}: the room list, the settings, a conversation, a proposal and an import preview look as before${look.language === 'id' ? ', and axe finds nothing serious' : ''}`, async ({
    browser,
  }) => {
    const page = await openWindow(browser, look);
    await expect(roomRow(page, ROOM)).toBeVisible();
    await expect(roomRow(page, COOP)).toBeVisible();
    await checkScreen(page, 'room-list', look);

    // Over the room list: a mask of what changes in a room behind it would be drawn over the dialog.
    await page.getByTestId('settings-open').click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByTestId('security-key-backup')).toHaveAttribute('data-on', 'true');
    await checkScreen(page, 'settings', look);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await openRoom(page, ROOM);
    await expect(message(page, 'Siap, laporan kas sudah saya siapkan 📒')).toBeVisible();
    await expect(page.getByTestId('reaction-chip')).toHaveCount(2);
    await checkScreen(page, 'conversation', look);

    await page.getByTestId('tab-coop').click();
    await page.getByTestId('coop-row').getByRole('button').click();
    await page.getByTestId('proposal-row').getByRole('button').click();
    await expect(page.getByTestId('proposal-view')).toBeVisible();
    await expect(page.getByTestId('proposal-title-heading')).toHaveText(PROPOSAL);
    await checkScreen(page, 'proposal', look);

    await page.getByTestId('tab-chats').click();
    await openNewMenu(page, 'import-open');
    await page.getByTestId('import-file-input').setInputFiles(fixtureZip('android-id-with-media.zip'));
    await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('import-time-zone').selectOption('Asia/Jakarta');
    await checkScreen(page, 'import-preview', look);

    await page.context().close();
  });
}

test('at the window’s minimum size the room list, a room with its composer and a proposal are reachable, one at a time, and nothing overflows sideways', async ({
  browser,
}) => {
  const look: Look = { language: 'id', theme: 'light' };
  const page = await openWindow(browser, look, { width: MAIN_WINDOW_SIZE.minWidth, height: MAIN_WINDOW_SIZE.minHeight });
  const overflow = (): Promise<number> => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

  // The list takes the whole window until a room is open; then the room does, with a way back.
  await expect(roomRow(page, ROOM)).toBeInViewport({ ratio: 1 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await openRoom(page, ROOM);
  await expect(roomRow(page, ROOM)).toBeHidden();
  await expect(message(page, 'Siap, laporan kas sudah saya siapkan 📒')).toBeInViewport();
  await expect(page.getByTestId('room-header-name')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('composer').fill('Sampai jumpa hari Sabtu');
  await expect(page.getByTestId('composer')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('composer-send')).toBeInViewport({ ratio: 1 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await checkScreen(page, 'minimum-size', look);

  await page.getByTestId('back-to-list').click();
  await expect(roomRow(page, ROOM)).toBeInViewport({ ratio: 1 });

  // The Co-op tab too: the co-op list, then a proposal in the whole window, and back.
  await page.getByTestId('tab-coop').click();
  await page.getByTestId('coop-row').getByRole('button').click();
  await page.getByTestId('proposal-row').getByRole('button').click();
  await expect(page.getByTestId('vote-setuju')).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByTestId('proposal-back').click();
  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('coop-row')).toBeInViewport({ ratio: 1 });
  await page.context().close();
});
