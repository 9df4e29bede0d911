import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { createRoom, message, openRoom, roomRow, send, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const SECRETS = ['Sandi brankas koperasi: 4821', 'Rapat pengurus Kamis jam 9 di balai desa'];
const REPLY = 'Siap, sudah dicatat';

test('the first device shows a recovery key once; a new device restores old messages with it', async ({ browser }) => {
  test.setTimeout(150_000);
  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice'), newTestUser('bob')]);
  const [firstApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(firstApp, bobApp);

  // Device 1: after the first sync, the recovery key appears once (signIn reads it and saves it).
  const alice = await signIn(browser, firstApp, aliceUser);
  // Base58 in groups of four, as Element shows it: 48 characters, starting with "Es" (the spec's prefix bytes).
  expect(alice.recoveryKey).toMatch(/^Es[1-9A-HJ-NP-Za-km-z ]+$/);
  expect(alice.recoveryKey?.replaceAll(' ', '')).toHaveLength(48);
  // Once means once: a reload does not bring it back.
  await alice.page.reload();
  await expect(alice.page.getByTestId('room-list')).toBeVisible();
  await alice.page.getByTestId('settings-open').click();
  await expect(alice.page.getByTestId('security-cross-signing')).toHaveAttribute('data-on', 'true');
  await expect(alice.page.getByTestId('security-key-backup')).toHaveAttribute('data-on', 'true');
  await expect(alice.page.getByTestId('recovery-key-dialog')).toHaveCount(0);
  await alice.page.keyboard.press('Escape');

  // Encrypted messages both ways in a room with another member.
  const bob = await signIn(browser, bobApp, bobUser);
  await createRoom(alice.page, 'Rahasia Koperasi', [bobUser.userId]);
  await roomRow(bob.page, 'Rahasia Koperasi').getByTestId('invite-accept').click();
  await expect(bob.page.getByTestId('room-header-name')).toHaveText('Rahasia Koperasi');
  for (const text of SECRETS) {
    await send(alice.page, text);
    await expect(message(bob.page, text)).toBeVisible();
  }
  await send(bob.page, REPLY);
  await expect(message(alice.page, REPLY)).toBeVisible();

  // Device 1 backs up the room keys (its own session and Bob's) in the background; wait
  // for them on the server, then device 1 goes away for good.
  const api = matrixApi(aliceUser.baseUrl, aliceUser.accessToken);
  await expect.poll(() => api.keyBackupCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await alice.page.context().close();
  await firstApp.stop();

  // Device 2: a new core on a new profile. No new key is made; the old messages cannot be read yet.
  const secondApp = await startApp();
  apps.push(secondApp);
  const second = await signIn(browser, secondApp, aliceUser, { firstDevice: false });
  const { page } = second;
  const banner = page.getByTestId('security-banner');
  await expect(banner).toHaveAttribute('data-phase', 'needsRestore');
  await expect(page.getByTestId('recovery-key-dialog')).toHaveCount(0);
  await openRoom(page, 'Rahasia Koperasi');
  const undecryptable = page.locator('[data-testid="timeline-item"][data-kind="encrypted"]');
  await expect(undecryptable).toHaveCount(SECRETS.length + 1);
  for (const text of [...SECRETS, REPLY]) {
    await expect(message(page, text)).toHaveCount(0);
  }

  // Something that is not a recovery key, and a recovery key of nobody here: each refused, nothing changed.
  await banner.getByTestId('restore-open').click();
  const keyInput = page.getByTestId('restore-key-input');
  const error = page.getByTestId('restore-error');
  await keyInput.fill('EsTc bukan kunci');
  await page.getByTestId('restore-submit').click();
  await expect(error).toHaveText(/bukan kunci pemulihan/);
  await keyInput.fill(encodeRecoveryKey(randomBytes(32)) ?? '');
  await page.getByTestId('restore-submit').click();
  await expect(error).toHaveText(/bukan milik akun ini/);
  await expect(undecryptable).toHaveCount(SECRETS.length + 1);

  // The saved key: history comes back, with progress, and the old messages decrypt in place.
  await keyInput.fill(alice.recoveryKey ?? '');
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-progress')).toHaveAttribute('data-stage', 'done', { timeout: 30_000 });
  await expect(error).toHaveCount(0);
  await page.getByTestId('restore-close').click();
  for (const text of [...SECRETS, REPLY]) {
    await expect(message(page, text)).toBeVisible();
  }
  await expect(undecryptable).toHaveCount(0);
  await expect(banner).toHaveCount(0);

  // This device is now cross-signed and backs up its keys too.
  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('security-cross-signing')).toHaveAttribute('data-on', 'true');
  await expect(page.getByTestId('security-key-backup')).toHaveAttribute('data-on', 'true');
  const thisDevice = page.locator('[data-testid="device-row"]').first();
  await expect(thisDevice).toHaveAttribute('data-verified', 'verified');
});
