/**
 * `npm run demo`: a local Synapse and a believable co-op seeded in it — four members (one
 * per stakeholder class), an encrypted group room with a day of conversation, a direct
 * chat, the co-op with its charter and proposals, a room imported from a WhatsApp export —
 * then a Rembuk window each for Sari and Budi, signed in. Later runs reuse what is seeded.
 * `--check` (or REMBUK_DEMO_CHECK=1): seed, verify it all through the bridge, stop, exit.
 * REMBUK_DEMO_DIR: the folder for all of it (default `.homeserver/demo`).
 */
import { installSynapse } from '../homeserver/synapse.ts';
import { checkDemo } from './demo-check.ts';
import { startDemoHomeserver } from './demo-homeserver.ts';
import { checkModeFrom, demoDirFrom } from './demo-members.ts';
import { openStateFile } from './demo-state.ts';
import { openDemoWindows } from './demo-windows.ts';
import { MemberCores, registerMembers } from './seed-accounts.ts';
import { seedDemo, Stopwatch } from './seed-demo.ts';
import { RoomTalk } from './seed-talk.ts';

/** What the seed may take, from starting Synapse to the last step (the goal). */
const SEED_BUDGET_MS = 60_000;

const check = checkModeFrom(process.argv, process.env);
const demoDir = demoDirFrom(process.env);
const log = (line: string): void => {
  console.log(`  ${line}`);
};

console.log('Menyiapkan server Matrix lokal / Setting up a local Matrix homeserver…');
await installSynapse({ log });
console.log(`Folder demo / demo folder: ${demoDir}`);

const watch = new Stopwatch();
const started = performance.now();
const hs = await watch.time('Synapse', () => startDemoHomeserver(demoDir, log));
const cores = new MemberCores({ demoDir, baseUrl: hs.baseUrl, serverName: hs.serverName });
const talk = new RoomTalk();
const stopAll = async (): Promise<void> => {
  await talk.close();
  await cores.stop();
  await hs.stop();
};

try {
  await watch.time('pendaftaran / registration', () => registerMembers(hs));
  const state = await openStateFile(demoDir);
  await seedDemo(cores, talk, state, watch, demoDir);
  const seedMs = Math.round(performance.now() - started);
  console.log(`Data demo siap dalam ${(seedMs / 1000).toFixed(1)} dtk / demo seeded in ${(seedMs / 1000).toFixed(1)} s`);
  for (const { step, ms } of watch.timings) {
    log(`${step}: ${(ms / 1000).toFixed(1)} s`);
  }
  if (seedMs > SEED_BUDGET_MS) {
    console.log(`  Lebih dari ${String(SEED_BUDGET_MS / 1000)} dtk / over the ${String(SEED_BUDGET_MS / 1000)} s goal`);
  }

  if (check) {
    const checkStarted = performance.now();
    const results = await checkDemo(cores, talk, state.read(), demoDir);
    for (const result of results) {
      console.log(`${result.ok ? 'OK' : 'MISSING'} ${result.name}: ${result.detail}`);
    }
    console.log(
      `Pemeriksaan selesai dalam ${((performance.now() - checkStarted) / 1000).toFixed(1)} dtk / check took ${((performance.now() - checkStarted) / 1000).toFixed(1)} s`,
    );
    await stopAll();
    const missing = results.filter((result) => !result.ok);
    if (missing.length > 0) {
      console.error(`Demo tidak lengkap / demo incomplete: ${missing.map((result) => result.name).join(', ')}`);
      process.exit(1);
    }
    console.log('DEMO CHECK PASSED');
    process.exit(0);
  }
  await openDemoWindows({ demoDir, hs, cores, talk, state: state.read(), stopAll });
} catch (error) {
  console.error('Demo gagal / the demo failed:', error);
  await stopAll().catch(() => undefined);
  process.exit(1);
}
