import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';

const KILL_POINTS = Number(process.env.REMBUK_KILL_POINTS ?? 20);

/** A small seeded generator: the printed seed replays the same kill points. */
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

type Core = { app: RunningApp; bridge: Awaited<ReturnType<typeof connectBridge>> };

const signedInCore = async (user: TestUser, profileDir?: string): Promise<Core> => {
  const app = await startApp(profileDir === undefined ? {} : { profileDir });
  const bridge = await connectBridge(app.url);
  if ((await bridge.invoke('session:get', {})) === null) {
    await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  }
  await until('the core to be online', async () => ((await bridge.invoke('connection:get', {})).state === 'online' ? true : undefined));
  return { app, bridge };
};

/** A room's timeline, once the core knows the room (a room just created or joined arrives with the next sync). */
const watch = async (core: Core, roomId: string) => {
  await until('the room to be known', async () => (await core.bridge.invoke('room:details', { roomId }).catch(() => undefined)) ?? undefined);
  return core.bridge.watchTimeline(roomId);
};

/** The room's messages as bodies, loading older pages until all of history is in. */
const allMessages = async (core: Core, roomId: string): Promise<{ bodies: string[]; undecryptable: number }> => {
  const timeline = await watch(core, roomId);
  await timeline.readAll();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const items = timeline.seen();
  timeline.stop();
  return {
    bodies: items.flatMap((item) => (item.kind === 'message' ? [item.body] : [])),
    undecryptable: items.filter((item) => item.kind === 'encrypted').length,
  };
};

const cores: Core[] = [];
test.afterEach(async () => {
  for (const core of cores.splice(0)) {
    core.bridge.close();
    await core.app.stop();
  }
});

test(`kill -9 right after sending or receiving, ${String(KILL_POINTS)} times: nothing lost, nothing twice, same device`, async () => {
  test.setTimeout(20 * 60_000);
  const seed = Number(process.env.REMBUK_CRASH_SEED ?? Date.now() % 1_000_000);
  console.log(`crash loop seed ${String(seed)} (replay with REMBUK_CRASH_SEED=${String(seed)})`);
  const random = seeded(seed);

  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice'), newTestUser('bob')]);
  const alice = await signedInCore(aliceUser);
  cores.push(alice);
  let bob = await signedInCore(bobUser);
  const bobProfile = bob.app.profileDir;
  const bobDevice = (await bob.bridge.invoke('session:get', {}))?.deviceId;

  const { roomId } = await alice.bridge.invoke('room:create', { name: 'Brankas', invite: [bobUser.userId] });
  await until(
    'the invite to reach Bob',
    async () =>
      await bob.bridge.invoke('invite:accept', { roomId }).then(
        () => true,
        () => undefined,
      ),
  );
  expect((await alice.bridge.invoke('room:details', { roomId })).encrypted).toBe(true);

  const aliceTimeline = await watch(alice, roomId);
  const sent: string[] = [];
  for (let point = 0; point < KILL_POINTS; point++) {
    const afterSending = random() < 0.5;
    const body = `${afterSending ? 'bob' : 'alice'} pesan ${String(point)}`;
    sent.push(body);
    if (afterSending) {
      // After a restart the room comes from disk, or with the first sync when the crash came
      // before the store kept the join: the member cannot send into it before it shows.
      await until('the room to be known to Bob', async () => (await bob.bridge.invoke('room:details', { roomId }).catch(() => undefined)) ?? undefined);
      await bob.bridge.invoke('message:send', { roomId, body });
    } else {
      const bobTimeline = await watch(bob, roomId);
      await alice.bridge.invoke('message:send', { roomId, body });
      await until(`Bob to receive "${body}"`, () => (bobTimeline.items().some((item) => item.kind === 'message' && item.body === body) ? true : undefined));
    }
    bob.bridge.close();
    await bob.app.kill();

    bob = await signedInCore(bobUser, bobProfile);
    expect((await bob.bridge.invoke('session:get', {}))?.deviceId, `device after kill point ${String(point)}`).toBe(bobDevice);
    // Alice sees every message once, decrypted, including one Bob's core re-sent after the crash.
    await until(`Alice to show "${body}"`, () =>
      aliceTimeline.items().some((item) => item.kind === 'message' && item.body === body) ? true : undefined,
    ).catch((error: unknown) => {
      console.log(`Bob's core printed:\n${bob.app.output().slice(-6000)}`);
      console.log("Alice's newest timeline items:", JSON.stringify(aliceTimeline.items().slice(-5)));
      throw error;
    });
  }
  cores.push(bob);

  // A last exchange both ways on the restarted device.
  await bob.bridge.invoke('message:send', { roomId, body: 'bob terakhir' });
  await alice.bridge.invoke('message:send', { roomId, body: 'alice terakhir' });
  sent.push('bob terakhir', 'alice terakhir');

  for (const [who, core] of [
    ['Bob', bob],
    ['Alice', alice],
  ] as const) {
    const seen = await until(
      `${who} to show every message`,
      async () => {
        const messages = await allMessages(core, roomId);
        return sent.every((body) => messages.bodies.includes(body)) ? messages : undefined;
      },
      60_000,
    );
    expect(seen.undecryptable, `${who}: undecryptable messages`).toBe(0);
    expect([...seen.bodies].sort(), `${who}: every message exactly once`).toEqual([...sent].sort());
  }
  aliceTimeline.stop();
});
