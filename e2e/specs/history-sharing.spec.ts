import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

const member = async (user: TestUser) => {
  const app = await startApp();
  apps.push(app);
  const bridge = await connectBridge(app.url);
  await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  // History is shared only by a device its own cross-signing identity has signed (set up after the first sync).
  await until('cross-signing to be set up', async () => ((await bridge.invoke('security:get', {})).deviceVerified ? true : undefined));
  return bridge;
};

test('someone invited to an encrypted room later reads the history from before the invite (MSC4268)', async () => {
  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice'), newTestUser('bob')]);
  const alice = await member(aliceUser);
  const bob = await member(bobUser);

  const { roomId } = await alice.invoke('room:create', { name: 'Arsip Pengurus' });
  await until('the room to be known as encrypted', async () =>
    (await alice.invoke('room:details', { roomId }).catch(() => undefined))?.encrypted === true ? true : undefined,
  );
  for (const body of ['keputusan lama 1', 'keputusan lama 2', 'keputusan lama 3']) {
    await alice.invoke('message:send', { roomId, body });
  }
  const aliceTimeline = await alice.watchTimeline(roomId);
  await until('the messages to be sent', () =>
    aliceTimeline.items().filter((item) => item.kind === 'message' && item.sendState === 'sent').length === 3 ? true : undefined,
  );

  await alice.invoke('room:invite', { roomId, userId: bobUser.userId });
  await until(
    'the invite to reach Bob',
    async () =>
      await bob.invoke('invite:accept', { roomId }).then(
        () => true,
        () => undefined,
      ),
  );
  const bobTimeline = await bob.watchTimeline(roomId);
  // The join reaches Bob's client with the next sync; then all of history is loaded.
  const bodies = await until('Bob to read the history from before his invite', async () => {
    const items = await bobTimeline.readAll().catch(() => bobTimeline.seen());
    const read = items.flatMap((item) => (item.kind === 'message' ? [item.body] : []));
    return read.length === 3 ? read : undefined;
  });
  expect(bodies).toEqual(['keputusan lama 1', 'keputusan lama 2', 'keputusan lama 3']);
  expect(bobTimeline.seen().filter((item) => item.kind === 'encrypted')).toEqual([]);
});
