import { expect, test, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, roomRow, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const deviceIdOf = async (page: Page): Promise<string> => {
  await page.getByTestId('settings-open').click();
  const deviceId = ((await page.getByTestId('settings-device-id').textContent()) ?? '').trim();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-device-id')).toHaveCount(0);
  return deviceId;
};

/** The 7 emoji on screen, each as its symbol and its translation key, in order. */
const emojiOn = (page: Page): Promise<string[]> =>
  page
    .getByTestId('sas-emoji-item')
    .evaluateAll((items) => items.map((item) => `${item.querySelector('.sas-symbol')?.textContent ?? ''} ${item.getAttribute('data-key') ?? ''}`));

test('two devices of one member verify each other by comparing emoji', async ({ browser }) => {
  test.setTimeout(120_000);
  const user = await newTestUser('anggota');
  const [firstApp, secondApp] = await Promise.all([startApp(), startApp()]);
  apps.push(firstApp, secondApp);
  const first = await signIn(browser, firstApp, user);
  const second = await signIn(browser, secondApp, user, { firstDevice: false });
  // The new device would rather be verified than type the recovery key in.
  await expect(second.page.getByTestId('security-banner')).toHaveAttribute('data-phase', 'needsRestore');
  await second.page.getByTestId('security-later').click();
  const [firstDevice, secondDevice] = await Promise.all([deviceIdOf(first.page), deviceIdOf(second.page)]);

  // Device 1 starts from its devices list, where device 2 is not verified yet.
  await first.page.getByTestId('settings-open').click();
  const secondRow = first.page.locator(`[data-testid="device-row"][data-device-id="${secondDevice}"]`);
  await expect(secondRow).toHaveAttribute('data-verified', 'unverified');
  await secondRow.getByTestId('device-verify').click();
  const firstFlow = first.page.getByTestId('verification-body');
  await expect(firstFlow).toHaveAttribute('data-phase', 'requested');

  // Device 2 is asked, names the device asking, and accepts.
  const secondFlow = second.page.getByTestId('verification-body');
  await expect(secondFlow).toHaveAttribute('data-phase', 'requested');
  await expect(secondFlow).toContainText(firstDevice);
  await second.page.getByTestId('verification-accept').click();
  await expect(firstFlow).toHaveAttribute('data-phase', 'ready');
  await first.page.getByTestId('verification-start').click();

  // Both show the same 7 emoji, in the same order.
  await expect(first.page.getByTestId('sas-emoji-item')).toHaveCount(7);
  await expect(second.page.getByTestId('sas-emoji-item')).toHaveCount(7);
  const firstEmoji = await emojiOn(first.page);
  expect(firstEmoji).toEqual(await emojiOn(second.page));
  expect(firstEmoji.every((entry) => /^\S+ [a-zA-Z]+$/.test(entry))).toBe(true);

  // Both confirm; each is done.
  await first.page.getByTestId('verification-match').click();
  await expect(firstFlow).toHaveAttribute('data-phase', 'confirmed');
  await second.page.getByTestId('verification-match').click();
  await expect(firstFlow).toHaveAttribute('data-phase', 'done');
  await expect(secondFlow).toHaveAttribute('data-phase', 'done');
  await first.page.getByTestId('verification-close').click();
  await second.page.getByTestId('verification-close').click();
  await expect(first.page.getByTestId('verification-dialog')).toHaveCount(0);

  // Each lists the other as verified.
  await expect(secondRow).toHaveAttribute('data-verified', 'verified');
  await expect(secondRow.getByTestId('device-verify')).toHaveCount(0);
  await second.page.getByTestId('settings-open').click();
  await expect(second.page.locator(`[data-testid="device-row"][data-device-id="${firstDevice}"]`)).toHaveAttribute('data-verified', 'verified');
  await expect(second.page.locator(`[data-testid="device-row"][data-device-id="${secondDevice}"]`)).toHaveAttribute('data-verified', 'verified');
});

test("two members verify each other from a room's member list", async ({ browser }) => {
  test.setTimeout(120_000);
  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice'), newTestUser('bob')]);
  const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(aliceApp, bobApp);
  const alice = await signIn(browser, aliceApp, aliceUser);
  const bob = await signIn(browser, bobApp, bobUser);
  await createRoom(alice.page, 'Pengurus', [bobUser.userId]);
  await roomRow(bob.page, 'Pengurus').getByTestId('invite-accept').click();
  await expect(bob.page.getByTestId('room-header-name')).toHaveText('Pengurus');

  // Alice sees Bob in the room, not verified yet, and asks him.
  await alice.page.getByTestId('room-members').click();
  const bobRow = alice.page.locator(`[data-testid="member-row"][data-user-id="${bobUser.userId}"]`);
  await expect(bobRow).toHaveAttribute('data-verified', 'unverified');
  await expect(alice.page.locator(`[data-testid="member-row"][data-user-id="${aliceUser.userId}"]`)).toHaveAttribute('data-verified', 'verified');
  await bobRow.getByTestId('member-verify').click();

  // Bob is asked by name; this time he starts the emoji comparison.
  const bobFlow = bob.page.getByTestId('verification-body');
  await expect(bobFlow).toHaveAttribute('data-phase', 'requested');
  await expect(bobFlow).toContainText(aliceUser.userId);
  await bob.page.getByTestId('verification-accept').click();
  await expect(bobFlow).toHaveAttribute('data-phase', 'ready');
  await bob.page.getByTestId('verification-start').click();
  await expect(alice.page.getByTestId('sas-emoji-item')).toHaveCount(7);
  await expect(bob.page.getByTestId('sas-emoji-item')).toHaveCount(7);
  expect(await emojiOn(alice.page)).toEqual(await emojiOn(bob.page));
  await bob.page.getByTestId('verification-match').click();
  await alice.page.getByTestId('verification-match').click();
  await expect(alice.page.getByTestId('verification-body')).toHaveAttribute('data-phase', 'done');
  await expect(bobFlow).toHaveAttribute('data-phase', 'done');
  await alice.page.getByTestId('verification-close').click();
  await bob.page.getByTestId('verification-close').click();

  // Each now shows the other as verified.
  await expect(bobRow).toHaveAttribute('data-verified', 'verified');
  await expect(bobRow.getByTestId('member-verify')).toHaveCount(0);
  await bob.page.getByTestId('room-members').click();
  await expect(bob.page.locator(`[data-testid="member-row"][data-user-id="${aliceUser.userId}"]`)).toHaveAttribute('data-verified', 'verified');
});
