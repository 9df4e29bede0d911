import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningSynapse } from '../homeserver/synapse.ts';
import { repoRoot } from '../homeserver/synapse.ts';
import { demoMembers, demoNames, memberByName, type DemoMember } from './demo-members.ts';
import type { DemoState } from './demo-state.ts';
import { recoveryKeyFile, type MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';
import { whatToTry } from './what-to-try.ts';

type Options = { demoDir: string; hs: RunningSynapse; cores: MemberCores; talk: RoomTalk; state: DemoState; stopAll: () => Promise<void> };

const windowMembers = demoMembers.filter((member) => member.window);

/** What Dewi and Hendra go on saying once the windows are open, so they show live chat. */
const liveLines: readonly [DemoMember['localpart'], string, DemoMember['localpart'][]][] = [
  ['dewi', 'Sampel kopi sangrai dari kafe saya antar besok pagi ☕', []],
  ['hendra', 'Sari Wulandari, Budi Santoso: usulan mesin sangrai masih menunggu suara kalian di tab Koperasi 🙂', ['sari', 'budi']],
];

const electronBinary = async (): Promise<string | null> => {
  const electronDir = path.join(repoRoot, 'node_modules/electron');
  if (!existsSync(path.join(electronDir, 'path.txt')) || !existsSync(path.join(electronDir, 'dist'))) {
    return null;
  }
  return path.join(electronDir, 'dist', (await readFile(path.join(electronDir, 'path.txt'), 'utf8')).trim());
};

/**
 * A Rembuk window each for Sari and Budi, signed in: Electron where its binary is
 * installed, else their loopback cores in Chromium (or the system's browser).
 */
export const openDemoWindows = async (options: Options): Promise<void> => {
  const electron = await electronBinary();
  if (electron !== null) {
    await openElectron(electron, options);
  } else {
    await openLoopback(options);
  }
};

const speakLive = async ({ cores, talk, state }: Options): Promise<void> => {
  const roomId = state.groupRoomId;
  if (roomId === undefined) {
    return;
  }
  try {
    for (const [who, text, mentioned] of liveLines) {
      await sleep(5000);
      const core = await cores.core(who);
      // On a later run their core has just started: the room comes with its first sync.
      await talk.knows(core, roomId);
      const mentions = mentioned.map((localpart) => ({ userId: cores.userId(localpart), name: memberByName(localpart).displayName }));
      await talk.send(core, roomId, text, { mentions });
    }
  } catch (error) {
    // The windows matter more than the live lines: say so and go on.
    console.log(`  Pesan langsung tidak terkirim / the live messages were not sent: ${String(error)}`);
  }
  // Their cores are not needed any more: the two CPUs go to the windows.
  await talk.close();
  await cores.stop((member) => !member.window);
};

/**
 * Electron runs its own core per window, on a profile of its own: a second device of the
 * account, signed in by the app itself (`--demo-sign-in-from-env`), which restores trust
 * and history with the saved recovery key, as the member would type it in.
 */
const openElectron = async (binary: string, options: Options): Promise<void> => {
  await options.cores.stop((member) => member.window);
  const windows: ChildProcess[] = [];
  for (const member of windowMembers) {
    const keyFile = recoveryKeyFile(options.demoDir, member.localpart);
    const recoveryKey = existsSync(keyFile) ? (await readFile(keyFile, 'utf8')).trim() : '';
    windows.push(
      spawn(binary, [repoRoot, '--profile-dir', path.join(options.demoDir, `electron-${member.localpart}`), '--demo-sign-in-from-env'], {
        stdio: 'inherit',
        env: {
          ...process.env,
          REMBUK_DEMO_SIGN_IN: JSON.stringify({ homeserverUrl: options.hs.baseUrl, username: member.localpart, password: member.password }),
          REMBUK_DEMO_RECOVERY_KEY: recoveryKey,
        },
      }),
    );
  }
  console.log('Rembuk (Electron) terbuka untuk Sari dan Budi / opened for Sari and Budi. Tutup jendela untuk berhenti / close the windows to stop.');
  console.log(whatToTry(options.demoDir));
  await speakLive(options);
  await Promise.all(windows.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await options.stopAll();
  process.exit(0);
};

const openLoopback = async (options: Options): Promise<void> => {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) => existsSync(file));
  for (const [index, member] of windowMembers.entries()) {
    const { app } = await options.cores.core(member.localpart);
    console.log(`${member.displayName}: ${app.url}`);
    const [command, args] =
      chromium !== undefined
        ? [
            chromium,
            [
              `--app=${app.url}`,
              `--user-data-dir=${path.join(app.profileDir, 'chromium')}`,
              '--no-first-run',
              '--disable-background-networking',
              `--window-position=${String(40 + index * 660)},40`,
              '--window-size=640,720',
            ],
          ]
        : process.platform === 'darwin'
          ? ['open', [app.url]]
          : process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '', app.url]]
            : ['xdg-open', [app.url]];
    spawn(command, args, { stdio: 'ignore', detached: true })
      .on('error', () => {
        console.log('  Buka alamat di atas di peramban / open the address above in a browser');
      })
      .unref();
  }
  console.log(whatToTry(options.demoDir));
  const stop = async (): Promise<void> => {
    await options.stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  await speakLive(options);
  console.log(`Demo berjalan di ${demoNames.groupRoom}. Tekan Ctrl+C untuk berhenti / Demo running. Press Ctrl+C to stop.`);
};
