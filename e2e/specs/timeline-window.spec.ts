import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser } from '../fixtures/users.ts';
import type { TimelineItem } from '../../shared/model/timeline.ts';

const running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

const MESSAGES = 400;
/** The window's cap in main (matrix/timeline/page-window.ts). */
const WINDOW_CAP = 500;
const BATCH = 25;

const bodyOf = (index: number): string => `arsip ${String(index).padStart(3, '0')}`;
const bodies = (items: readonly TimelineItem[]): string[] => items.flatMap((item) => (item.kind === 'message' ? [item.body] : []));

test('a long encrypted room opens as a bounded window that pages back to the first message, shrinks out of view and jumps', async () => {
  test.setTimeout(120_000);
  const user = await newTestUser('jendela');
  const first = await startApp();
  const sender = await connectBridge(first.url);
  await sender.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  await until('the first sync', async () => ((await sender.invoke('connection:get', {})).state === 'online' ? true : undefined));
  const { roomId } = await sender.invoke('room:create', { name: 'Arsip Koperasi' });
  await until('the room to be known as encrypted', async () =>
    (await sender.invoke('room:details', { roomId }).catch(() => undefined))?.encrypted === true ? true : undefined,
  );
  const sending = await sender.watchTimeline(roomId);
  // Queued in batches (each send answers at once with its echo), delivered by the core in order.
  for (let start = 0; start < MESSAGES; start += BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(BATCH, MESSAGES - start) }, (_, offset) => sender.invoke('message:send', { roomId, body: bodyOf(start + offset) })),
    );
  }
  await until(
    'every message to be sent',
    () => (sending.items().filter((item) => item.kind === 'message' && item.sendState === 'sent').length === MESSAGES ? true : undefined),
    60_000,
  );
  sending.stop();
  sender.close();
  // A restart: the room comes back from the sync cache with only its newest events, the rest is history on the server.
  await first.stop();
  const second = await startApp({ profileDir: first.profileDir });
  running.push(second);
  const bridge = await connectBridge(second.url);
  await until('the first sync after the restart', async () => ((await bridge.invoke('connection:get', {})).state === 'online' ? true : undefined));

  const timeline = await bridge.watchTimeline(roomId);
  await timeline.ready();
  const opened = timeline.items();
  expect(opened.length).toBeLessThanOrEqual(WINDOW_CAP);
  // Only the newest part: the rest is fetched page by page.
  expect(bodies(opened).length).toBeLessThan(MESSAGES);
  expect(bodies(opened).at(-1)).toBe(bodyOf(MESSAGES - 1));
  expect(timeline.window()).toMatchObject({ hasOlder: true, hasNewer: false, focusItemId: null });

  // Back to the first message: every one seen exactly once, in order, and readable.
  const all = await timeline.readAll();
  expect(bodies(all)).toEqual(Array.from({ length: MESSAGES }, (_, index) => bodyOf(index)));
  expect(all.filter((item) => item.kind === 'encrypted')).toEqual([]);
  expect(all[0]?.kind).toBe('roomCreated');
  expect(timeline.window()?.hasOlder).toBe(false);
  expect(timeline.items().length).toBeLessThanOrEqual(WINDOW_CAP);

  // The member looks at the top: what lies far below goes from the window.
  const before = timeline.items().length;
  const top = timeline.items();
  await bridge.invoke('timeline:viewport', { subscription: timeline.subscription, firstItemId: top[0]?.id ?? '', lastItemId: top[10]?.id ?? '' });
  await until('the window to shrink', () => (timeline.items().length < before ? true : undefined), 5_000);
  expect(timeline.window()).toMatchObject({ hasOlder: false, hasNewer: true });
  expect(bodies(timeline.items())).not.toContain(bodyOf(MESSAGES - 1));

  // Back to the newest.
  expect(await timeline.jump(null)).toBe(true);
  await until('the window to be at the live end', () => (timeline.window()?.hasNewer === false ? true : undefined), 5_000);
  expect(bodies(timeline.items()).at(-1)).toBe(bodyOf(MESSAGES - 1));

  // Opening the room around an old message: the window holds it, and says where to scroll.
  const target = all.find((item) => item.kind === 'message' && item.body === bodyOf(200));
  expect(target?.eventId).toMatch(/^\$/);
  const around = await bridge.watchTimeline(roomId, target?.eventId ?? '');
  await around.ready();
  expect(around.window()).toMatchObject({ focusItemId: target?.id, hasOlder: true, hasNewer: true });
  const near = bodies(around.items());
  expect(near).toContain(bodyOf(200));
  expect(near).not.toContain(bodyOf(MESSAGES - 1));
  // Forward from there reaches the live end again.
  for (let page = 0; page < 20 && around.window()?.hasNewer === true; page++) {
    await around.paginate('forward');
  }
  expect(around.window()?.hasNewer).toBe(false);
  // Everything from the first message around the target to the newest, once each, in order.
  const afterJump = bodies(around.seen());
  const from = Number(afterJump[0]?.replace('arsip ', ''));
  expect(from).toBeLessThanOrEqual(200);
  expect(afterJump).toEqual(Array.from({ length: MESSAGES - from }, (_, index) => bodyOf(from + index)));
});
