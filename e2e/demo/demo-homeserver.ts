import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startSynapse, type RunningSynapse } from '../homeserver/synapse.ts';

/**
 * The demo's own Synapse, in the demo folder. Saved sessions name the homeserver by its
 * address, so it keeps the port of the last run; when that port is taken, the demo starts
 * afresh (an empty folder, seeded again) rather than leave sessions pointing elsewhere.
 */
export const startDemoHomeserver = async (demoDir: string, log: (line: string) => void): Promise<RunningSynapse> => {
  await mkdir(demoDir, { recursive: true });
  // The two-member demo of before (its room in `room-id`, no `seed.json`): replaced whole,
  // since its accounts have other names and its sessions may still hold an unshown recovery key.
  if (existsSync(path.join(demoDir, 'room-id')) && !existsSync(path.join(demoDir, 'seed.json'))) {
    log('Demo lama diganti dengan yang baru / replacing the old demo with the new one');
    await emptyDir(demoDir);
  }
  const portFile = path.join(demoDir, 'port');
  const lastPort = existsSync(portFile) ? Number(await readFile(portFile, 'utf8')) : undefined;
  const dataDir = path.join(demoDir, 'synapse');
  const hs = await startSynapse({ dataDir, port: lastPort }).catch(async (error: unknown) => {
    if (lastPort === undefined) {
      throw error;
    }
    log(`Port ${String(lastPort)} terpakai, demo dimulai dari awal / port ${String(lastPort)} is taken, starting the demo afresh`);
    await emptyDir(demoDir);
    return startSynapse({ dataDir });
  });
  await writeFile(portFile, new URL(hs.baseUrl).port);
  return hs;
};

const emptyDir = async (dir: string): Promise<void> => {
  for (const entry of await readdir(dir)) {
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
};
