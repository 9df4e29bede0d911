import { expect, test } from '@playwright/test';
import { startOwnHomeserver, type OwnHomeserver } from '../fixtures/own-homeserver.ts';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, message, openApp, openRoom, roomRow, send, signIn } from '../fixtures/member.ts';

// This test takes its homeserver down, so it gets one of its own.
let homeserver: OwnHomeserver | undefined;
const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await homeserver?.stop();
});

test('a restart with the homeserver down shows rooms and messages from disk, and says it is offline', async ({ browser }) => {
  homeserver = await startOwnHomeserver('offline');
  const user = await homeserver.user('luring', 'sandi-luring');

  const first = await startApp();
  const { page } = await signIn(browser, first, user);
  await createRoom(page, 'Tersimpan');
  await send(page, 'ada di disk');
  await expect(message(page, 'ada di disk')).toHaveAttribute('data-send-state', 'sent');
  await first.stop();
  await homeserver.stop();

  const second = await startApp({ profileDir: first.profileDir });
  apps.push(second);
  const again = await openApp(browser, second);
  await expect(again.getByTestId('connection-banner')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
  await expect(roomRow(again, 'Tersimpan')).toBeVisible();
  await openRoom(again, 'Tersimpan');
  await expect(message(again, 'ada di disk')).toBeVisible();
});
