/**
 * How fast a WhatsApp export goes into a room: a real Rembuk core importing the first N
 * entries of the 50k volume fixture into a new end-to-end encrypted room (each message
 * encrypted, sent, acknowledged and checkpointed to disk before the next), against a
 * baseline measured in the same run on the same Synapse: a naive loop that PUTs the same
 * number of plain `m.room.message` events one after the other, no encryption, no checkpoint.
 *
 * The importing member's message rate limit is lifted with Synapse's admin API first, as
 * the README tells a co-op's admin to do (the bench's Synapse lifts every limit anyway).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp } from '../e2e/fixtures/app.ts';
import { connectBridge } from '../e2e/fixtures/bridge-client.ts';
import { firstEntries, fixtureTxt, uploadThroughBridge } from '../e2e/fixtures/import-files.ts';
import { matrixApi } from '../e2e/fixtures/matrix-api.ts';
import { benchHomeserver, report } from './bench-kit.ts';

const MESSAGES = Number(process.env.MESSAGES ?? 2000);

const hs = await benchHomeserver();
const app = await startApp();
try {
  const admin = await hs.registerUser('admin', 'sandi-admin', { admin: true });
  const importer = await hs.registerUser('importir', 'sandi-importir');
  const lifted = await fetch(`${hs.baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(importer.userId)}/override_ratelimit`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${admin.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages_per_second: 0, burst_count: 0 }),
  });
  if (!lifted.ok) {
    throw new Error(`override_ratelimit: ${String(lifted.status)} ${await lifted.text()}`);
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-bench-import-'));
  const chat = path.join(dir, 'Chat WhatsApp dengan Bench.txt');
  const text = firstEntries(await readFile(fixtureTxt('19-volume-50k-android-id.txt'), 'utf8'), MESSAGES);
  await writeFile(chat, text);

  // Baseline: one PUT after the other into a plain room, as a naive importer would.
  const api = matrixApi(hs.baseUrl, importer.accessToken);
  const plainRoom = await api.createRoom({ name: 'Baseline' });
  const bodies = text.split('\n').filter((line) => /^\d{2}\/\d{2}\/\d{2} \d{2}\.\d{2} - /.test(line));
  const baselineStart = performance.now();
  for (const body of bodies) {
    await api.sendText(plainRoom, body);
  }
  const baselineSeconds = (performance.now() - baselineStart) / 1000;

  // Rembuk: the export through the bridge, as the window hands it over, then the import.
  const bridge = await connectBridge(app.url);
  await bridge.invoke('session:signIn', { homeserverUrl: hs.baseUrl, username: 'importir', password: 'sandi-importir' });
  while ((await bridge.invoke('connection:get', {})).state !== 'online') {
    await sleep(100);
  }
  const opened = await bridge.invoke('import:open', { uploadId: await uploadThroughBridge(bridge, chat) });
  if (opened.kind !== 'preview') {
    throw new Error('expected a preview');
  }
  const events = opened.preview.counts.events;
  const started = performance.now();
  await bridge.invoke('import:start', { importId: opened.preview.importId, timeZone: 'Asia/Jakarta', mapping: [], target: { kind: 'new', name: 'Bench' } });
  let firstAt: number | null = null;
  for (;;) {
    const [job] = await bridge.invoke('import:list', {});
    if (firstAt === null && (job?.done ?? 0) > 0) {
      firstAt = performance.now();
    }
    if (job?.phase === 'done') {
      break;
    }
    if (job?.phase === 'failed') {
      throw new Error(`import failed: ${String(job.error)}`);
    }
    await sleep(50);
  }
  const importSeconds = (performance.now() - started) / 1000;
  const sendingSeconds = firstAt === null ? importSeconds : (performance.now() - firstAt) / 1000;
  bridge.close();

  report(`Import throughput, ${String(events)} messages (rate limit lifted)`, {
    'Rembuk import, encrypted + checkpointed (msg/s)': events / importSeconds,
    '  of which sending, after room setup (msg/s)': events / sendingSeconds,
    '  import total time (s)': importSeconds,
    'baseline: naive PUT loop, plain (msg/s)': bodies.length / baselineSeconds,
    '  baseline total time (s)': baselineSeconds,
    'Rembuk ÷ baseline': events / importSeconds / (bodies.length / baselineSeconds),
  });
} finally {
  await app.stop();
  await hs.stop();
}
