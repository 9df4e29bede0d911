import { expect, test } from '@playwright/test';
import { startOwnHomeserver, type OwnHomeserver } from '../fixtures/own-homeserver.ts';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { createRoom, message, openApp, openRoom, send, signIn } from '../fixtures/member.ts';

// This test takes its homeserver down, so it gets one of its own.
let homeserver: OwnHomeserver | undefined;
const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await homeserver?.stop();
});

test('a message sent while the server is down shows failed, retries, and survives a crash without duplicates', async ({ browser }) => {
  test.setTimeout(180_000);
  homeserver = await startOwnHomeserver('outage');
  const user = await homeserver.user('anggota', 'sandi-anggota');

  const first = await startApp();
  apps.push(first);
  const { page } = await signIn(browser, first, user);
  await createRoom(page, 'Saat Putus');
  await send(page, 'sebelum putus');
  await expect(message(page, 'sebelum putus')).toHaveAttribute('data-send-state', 'sent');

  await homeserver.stop();
  await send(page, 'pesan saat putus');
  const failed = message(page, 'pesan saat putus');
  await expect(failed).toHaveAttribute('data-send-state', 'failed');
  await expect(page.getByTestId('connection-banner')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });

  // Back online, Retry delivers it.
  await homeserver.restart();
  await failed.getByTestId('message-retry').click();
  await expect(failed).toHaveAttribute('data-send-state', 'sent', { timeout: 30_000 });

  // Down again: a message fails, then the core crashes before anyone presses Retry.
  await homeserver.stop();
  await send(page, 'pesan sebelum crash');
  await expect(message(page, 'pesan sebelum crash')).toHaveAttribute('data-send-state', 'failed');
  await first.kill();
  apps.splice(0);
  await homeserver.restart();

  // The restarted core sends it by itself, once.
  const second = await startApp({ profileDir: first.profileDir });
  apps.push(second);
  const again = await openApp(browser, second);
  await openRoom(again, 'Saat Putus');
  await expect(message(again, 'pesan sebelum crash')).toHaveAttribute('data-send-state', 'sent', { timeout: 30_000 });

  // Each message once on screen, and once on the server (where the room is encrypted, so only counted).
  for (const body of ['sebelum putus', 'pesan saat putus', 'pesan sebelum crash']) {
    await expect(message(again, body)).toHaveCount(1);
  }
  const history = await matrixApi(user.baseUrl, user.accessToken).messages(
    (await again.locator('[data-testid="room-row"][data-room-name="Saat Putus"]').getAttribute('data-room-id')) ?? '',
  );
  expect(history.filter((event) => event.type === 'm.room.message')).toEqual([]);
  expect(history.filter((event) => event.type === 'm.room.encrypted')).toHaveLength(3);
});
