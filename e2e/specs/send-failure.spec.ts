import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startSynapse, type RunningSynapse } from '../homeserver/synapse.ts';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { createRoom, message, openApp, openRoom, send, signIn } from '../fixtures/member.ts';

// This test takes its homeserver down, so it gets one of its own.
let synapse: RunningSynapse | undefined;
const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await synapse?.stop();
});

test('a message sent while the server is down shows failed, retries, and survives a crash without duplicates', async ({ browser }) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-outage-'));
  synapse = await startSynapse({ dataDir });
  const port = Number(new URL(synapse.baseUrl).port);
  const registered = await synapse.registerUser('anggota', 'sandi-anggota');
  const user = { ...registered, localpart: 'anggota', password: 'sandi-anggota', displayName: 'anggota', baseUrl: synapse.baseUrl, serverName: synapse.serverName };

  const first = await startApp();
  apps.push(first);
  const { page } = await signIn(browser, first, user);
  await createRoom(page, 'Saat Putus');
  await send(page, 'sebelum putus');
  await expect(message(page, 'sebelum putus')).toHaveAttribute('data-send-state', 'sent');

  await synapse.stop();
  await send(page, 'pesan saat putus');
  const failed = message(page, 'pesan saat putus');
  await expect(failed).toHaveAttribute('data-send-state', 'failed');
  await expect(page.getByTestId('connection-banner')).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });

  // Back online, Retry delivers it.
  synapse = await startSynapse({ dataDir, port });
  await failed.getByTestId('message-retry').click();
  await expect(failed).toHaveAttribute('data-send-state', 'sent', { timeout: 30_000 });

  // Down again: a message fails, then the core crashes before anyone presses Retry.
  await synapse.stop();
  await send(page, 'pesan sebelum crash');
  await expect(message(page, 'pesan sebelum crash')).toHaveAttribute('data-send-state', 'failed');
  await first.kill();
  apps.splice(0);
  synapse = await startSynapse({ dataDir, port });

  // The restarted core sends it by itself, once.
  const second = await startApp({ profileDir: first.profileDir });
  apps.push(second);
  const again = await openApp(browser, second);
  await openRoom(again, 'Saat Putus');
  await expect(message(again, 'pesan sebelum crash')).toHaveAttribute('data-send-state', 'sent', { timeout: 30_000 });

  const history = await matrixApi(synapse.baseUrl, registered.accessToken).messages(
    (await again.locator('[data-testid="room-row"][data-room-name="Saat Putus"]').getAttribute('data-room-id')) ?? '',
  );
  const bodies = history.filter((event) => event.type === 'm.room.message').map((event) => event.content.body);
  expect(bodies.sort()).toEqual(['pesan saat putus', 'pesan sebelum crash', 'sebelum putus']);
});
