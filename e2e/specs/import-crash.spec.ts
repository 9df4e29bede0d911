import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from '../../main/core/import/whatsapp/parse-export.ts';
import type { ImportJob } from '../../shared/model/import.ts';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { firstEntries, fixtureTxt, uploadThroughBridge } from '../fixtures/import-files.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';

/** Entries of the volume fixture to import: at least 5,000, as the import must survive real sizes. */
const ENTRIES = Number(process.env.REMBUK_IMPORT_ENTRIES ?? 5000);
const KILLS = Number(process.env.REMBUK_IMPORT_KILLS ?? 6);

/** A small seeded generator: the printed seed replays the same kill times. */
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

type Core = { app: RunningApp; bridge: Awaited<ReturnType<typeof connectBridge>> };

const startCore = async (user: TestUser, profileDir?: string): Promise<Core> => {
  const app = await startApp(profileDir === undefined ? {} : { profileDir });
  const bridge = await connectBridge(app.url);
  if ((await bridge.invoke('session:get', {})) === null) {
    await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  }
  return { app, bridge };
};

const job = async (core: Core): Promise<ImportJob | undefined> => (await core.bridge.invoke('import:list', {}).catch(() => []))[0];

type RawEvent = { type: string; sender: string; event_id: string };

/** Every event of the room as the server has it, read by another device of the same account (no decrypting: counting). */
const serverEvents = async (user: TestUser, roomId: string): Promise<RawEvent[]> => {
  const events: RawEvent[] = [];
  let from: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ dir: 'b', limit: '1000', ...(from === undefined ? {} : { from }) });
    const response = await fetch(`${user.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?${query.toString()}`, {
      headers: { Authorization: `Bearer ${user.accessToken}` },
    });
    const page = (await response.json()) as { chunk: RawEvent[]; end?: string };
    events.push(...page.chunk);
    if (page.end === undefined || page.chunk.length === 0) {
      return events.reverse();
    }
    from = page.end;
  }
};

const cores: Core[] = [];
test.afterEach(async () => {
  for (const core of cores.splice(0)) {
    core.bridge.close();
    await core.app.stop();
  }
});

test(`an import of ${String(ENTRIES)} messages killed ${String(KILLS)} times goes on each time: every message once, in order`, async () => {
  test.setTimeout(15 * 60_000);
  const seed = Number(process.env.REMBUK_IMPORT_SEED ?? Date.now() % 1_000_000);
  console.log(`import crash seed ${String(seed)} (replay with REMBUK_IMPORT_SEED=${String(seed)})`);
  const random = seeded(seed);
  const started = Date.now();

  const dir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-import-'));
  const chat = path.join(dir, 'Chat WhatsApp dengan Uji Volume.txt');
  await writeFile(chat, firstEntries(await readFile(fixtureTxt('19-volume-50k-android-id.txt'), 'utf8'), ENTRIES));

  const user = await newTestUser('importir');
  let core = await startCore(user);
  const profileDir = core.app.profileDir;
  const opened = await core.bridge.invoke('import:open', { uploadId: await uploadThroughBridge(core.bridge, chat) });
  if (opened.kind !== 'preview') {
    throw new Error('expected a preview');
  }
  const total = opened.preview.counts.events;
  expect(total).toBe(ENTRIES);
  await core.bridge.invoke('import:start', {
    importId: opened.preview.importId,
    timeZone: 'Asia/Jakarta',
    mapping: [],
    target: { kind: 'new', name: 'Uji Volume' },
  });

  // Kill points spread over the whole import: after a random message, plus a random moment (mid-send, mid-checkpoint…).
  const targets = Array.from({ length: KILLS }, () => Math.floor((0.03 + random() * 0.94) * total)).sort((a, b) => a - b);
  for (const [kill, target] of targets.entries()) {
    await until(`the import to pass message ${String(target)}`, async () => (((await job(core))?.done ?? 0) >= target ? true : undefined), 10 * 60_000);
    const waitMs = Math.floor(random() * 400);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const before = await job(core);
    core.bridge.close();
    await core.app.kill();
    console.log(`kill ${String(kill + 1)} at about message ${String(before?.done ?? 0)} of ${String(total)} (+${String(waitMs)} ms)`);
    core = await startCore(user, profileDir);
  }
  cores.push(core);

  const finished = await until(
    'the import to finish',
    async () => {
      const current = await job(core);
      return current?.phase === 'done' ? current : undefined;
    },
    10 * 60_000,
  );
  expect(finished.done).toBe(total);
  const roomId = finished.roomId ?? '';
  console.log(`import of ${String(total)} messages with ${String(KILLS)} kills done in ${String(Math.round((Date.now() - started) / 1000))} s`);

  // On the server: exactly one event per entry, nothing lost, nothing twice.
  const mine = (await serverEvents(user, roomId)).filter((event) => event.sender === user.userId && !('state_key' in event));
  // Every one end-to-end encrypted: not one sent in the clear while the room was still loading.
  expect(mine.map((event) => event.type).filter((type) => type !== 'm.room.encrypted')).toEqual([]);
  expect(mine).toHaveLength(total);

  // Through Rembuk, decrypted: each entry once, in the export's order, as a member who joins
  // afterwards reads it (the invite hands over the history's keys, MSC4268).
  const readerUser = await newTestUser('pembaca');
  const reader = await startCore(readerUser);
  cores.push(reader);
  // History is shared by a cross-signed device, with the invitee's devices it can see: both set up first.
  for (const member of [core, reader]) {
    await until('cross-signing to be set up', async () => ((await member.bridge.invoke('security:get', {})).deviceVerified ? true : undefined), 60_000);
  }
  await core.bridge.invoke('room:invite', { roomId, userId: readerUser.userId });
  await until(
    'the invite to arrive',
    async () =>
      await reader.bridge.invoke('invite:accept', { roomId }).then(
        () => true,
        () => undefined,
      ),
    60_000,
  );
  await until('the room to be known', async () => (await reader.bridge.invoke('room:details', { roomId }).catch(() => undefined)) ?? undefined);
  const timeline = await reader.bridge.watchTimeline(roomId);
  // Paginating waits for the join to come back with a sync (until then the room is an invite);
  // the window holds only part of the room, so every pass reads it again from the live end.
  const items = await until(
    'every imported message to be loaded and decrypted',
    async () => {
      const all = await timeline.readAll({ fromLive: true }).catch(() => timeline.seen());
      const imported = all.filter((item) => item.imported !== undefined);
      return imported.length === total ? imported : undefined;
    },
    5 * 60_000,
  ).catch((error: unknown) => {
    const all = timeline.seen();
    console.log(
      `timeline: ${String(all.length)} items, ${String(all.filter((item) => item.imported !== undefined).length)} imported, kinds ${JSON.stringify(all.reduce<Record<string, number>>((counts, item) => ({ ...counts, [item.kind]: (counts[item.kind] ?? 0) + 1 }), {}))}`,
    );
    throw error;
  });
  timeline.stop();
  console.log(`read back by a new member in ${String(Math.round((Date.now() - started) / 1000))} s`);
  // The export's own order, entry by entry: the author and, for plain text, the words.
  const { entries } = parse(await readFile(chat, 'utf8'), {});
  expect(items.map((item) => item.imported?.senderName)).toEqual(entries.map((entry) => entry.sender ?? ''));
  const plain = entries.flatMap((entry, index) => (entry.attachment === null && !entry.mediaOmitted && entry.deleted === null ? [index] : []));
  expect(plain.map((index) => (items[index]?.kind === 'message' ? items[index].body : null))).toEqual(plain.map((index) => entries[index]?.body));
  const times = items.map((item) => item.imported?.ts ?? 0);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(new Set(items.map((item) => item.id)).size).toBe(total);
  expect(items.filter((item) => item.kind === 'encrypted')).toEqual([]);
});
