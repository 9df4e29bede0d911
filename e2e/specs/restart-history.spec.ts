import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser } from '../fixtures/users.ts';

const running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

const MESSAGES = 80;

test('after a restart, scrolling back still reaches the first message of a long room', async () => {
  const user = await newTestUser('gulir');
  const first = await startApp();
  const bridge = await connectBridge(first.url);
  await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  await until('the first sync', async () => ((await bridge.invoke('connection:get', {})).state === 'online' ? true : undefined));
  const api = matrixApi(user.baseUrl, user.accessToken);
  const roomId = await api.createRoom({ name: 'Arsip Panjang' });
  for (let index = 0; index < MESSAGES; index++) {
    await api.sendText(roomId, `pesan ${String(index)}`);
  }
  const before = await until('the room to reach the core', () => bridge.watchTimeline(roomId).catch(() => undefined));
  await until('every message to reach the core', () =>
    before.items().some((item) => item.kind === 'message' && item.body === `pesan ${String(MESSAGES - 1)}`) ? true : undefined,
  );
  bridge.close();
  await first.stop();

  const second = await startApp({ profileDir: first.profileDir });
  running.push(second);
  const again = await connectBridge(second.url);
  // A crash may come before the sync cache was written (every 10 s): the network sync brings the room then.
  const timeline = await until('the room after the restart', () => again.watchTimeline(roomId).catch(() => undefined));
  await until('the room to load from the cache', () => (timeline.items().length > 0 ? true : undefined));
  const bodies = await until('all of history', async () => {
    const messages = (await timeline.readAll()).flatMap((item) => (item.kind === 'message' ? [item.body] : []));
    return messages.length >= MESSAGES ? messages : undefined;
  });
  expect(bodies).toEqual(Array.from({ length: MESSAGES }, (_, index) => `pesan ${String(index)}`));
});
