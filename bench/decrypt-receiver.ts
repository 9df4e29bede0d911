/**
 * One receiving device for the decryption benchmark, in its own process because Rust
 * crypto uses the process's global IndexedDB. Mode `memory` is matrix-js-sdk's usual
 * in-memory fake-indexeddb; mode `persistent` is Rembuk's SQLite-backed store.
 * Protocol on stdout: `READY`, then after `GO <marker>` on stdin: `RESULT <n> <ms> <undecryptable>`.
 * Args: mode baseUrl localpart password roomId.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { ClientEvent, createClient, MatrixEvent, SyncState, type IEvent } from 'matrix-js-sdk';
import { installAsGlobal, openPersistentIdb } from '../main/core/idb/index.ts';
import { quietGlobalSdkLogger } from '../main/core/matrix/sdk-logging.ts';

const [mode, baseUrl, localpart, password, roomId] = process.argv.slice(2);
if (mode === undefined || baseUrl === undefined || localpart === undefined || password === undefined || roomId === undefined) {
  throw new Error('usage: decrypt-receiver.ts memory|persistent baseUrl localpart password roomId');
}
await quietGlobalSdkLogger();
const storageKey = new Uint8Array(randomBytes(32));
if (mode === 'persistent') {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'rembuk-bench-store-')), 'device-store.sqlite');
  installAsGlobal(openPersistentIdb({ file, key: storageKey }));
} else {
  const inMemory = 'fake-indexeddb/auto';
  await import(inMemory);
}

const login = (await (
  await fetch(`${baseUrl}/_matrix/client/v3/login`, {
    method: 'POST',
    body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: localpart }, password }),
  })
).json()) as { access_token: string; user_id: string; device_id: string };
const silent = {
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  getChild() {
    return silent;
  },
};
const client = createClient({ baseUrl, accessToken: login.access_token, userId: login.user_id, deviceId: login.device_id, logger: silent });
await client.initRustCrypto({ useIndexedDB: true, storageKey });
await new Promise<void>((resolve) => {
  client.on(ClientEvent.Sync, (state) => {
    if (state === SyncState.Prepared) {
      resolve();
    }
  });
  void client.startClient({ initialSyncLimit: 1 });
});
await client.joinRoom(roomId);
console.log('READY');

const input = readline.createInterface({ input: process.stdin });
for await (const line of input) {
  const [command, marker] = line.split(' ');
  if (command !== 'GO' || marker === undefined) {
    continue;
  }
  // The marker is sent last: once it decrypts here, every room key before it has arrived.
  await new Promise<void>((resolve) => {
    const check = (): void => {
      const events = client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? [];
      if (events.some((event) => event.getContent<{ body?: string }>().body === marker)) {
        resolve();
      } else {
        setTimeout(check, 100);
      }
    };
    check();
  });
  const raw: IEvent[] = [];
  let from: string | undefined;
  for (;;) {
    const page = (await (
      await fetch(`${baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=500${from === undefined ? '' : `&from=${from}`}`, {
        headers: { Authorization: `Bearer ${login.access_token}` },
      })
    ).json()) as { chunk: IEvent[]; end?: string };
    raw.push(...page.chunk.filter((event) => event.type === 'm.room.encrypted'));
    if (page.end === undefined || page.chunk.length === 0) {
      break;
    }
    from = page.end;
  }
  const events = raw.map((event) => new MatrixEvent({ ...event, room_id: roomId }));
  const started = performance.now();
  await Promise.all(events.map((event) => client.decryptEventIfNeeded(event)));
  const took = performance.now() - started;
  console.log(`RESULT ${String(events.length)} ${took.toFixed(1)} ${String(events.filter((event) => event.isDecryptionFailure()).length)}`);
  client.stopClient();
  process.exit(0);
}
