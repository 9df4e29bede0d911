/**
 * `npm run demo`: a local Synapse, two demo members (Sari and Budi) with a co-op room
 * and some history, and a Rembuk window for each, already signed in, chatting.
 * Ctrl+C stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { homeserverDir, installSynapse, repoRoot, startSynapse } from '../homeserver/synapse.ts';

const demoDir = path.join(homeserverDir(), 'demo');
const members = [
  { localpart: 'sari', password: 'demo-sari', displayName: 'Sari (pengurus)' },
  { localpart: 'budi', password: 'demo-budi', displayName: 'Budi (anggota)' },
] as const;

console.log('Menyiapkan server Matrix lokal / Setting up a local Matrix homeserver…');
await installSynapse({
  log: (line) => {
    console.log(`  ${line}`);
  },
});
await mkdir(demoDir, { recursive: true });
// Saved demo sessions name the homeserver by its address: keep the port from the last run.
const portFile = path.join(demoDir, 'port');
const lastPort = existsSync(portFile) ? Number(await readFile(portFile, 'utf8')) : undefined;
const hs = await startSynapse({ dataDir: path.join(demoDir, 'synapse'), port: lastPort }).catch(async () => {
  // The old port is taken: start afresh, and forget the sessions that pointed at it.
  await Promise.all(members.map((member) => rm(path.join(demoDir, `profile-${member.localpart}`), { recursive: true, force: true })));
  await Promise.all(members.map((member) => rm(path.join(demoDir, `electron-${member.localpart}`), { recursive: true, force: true })));
  return startSynapse({ dataDir: path.join(demoDir, 'synapse') });
});
await writeFile(portFile, new URL(hs.baseUrl).port);

const tokens: string[] = [];
for (const member of members) {
  try {
    tokens.push((await hs.registerUser(member.localpart, member.password, { displayName: member.displayName })).accessToken);
  } catch {
    // Registered on an earlier run: log in for a token instead.
    const response = await fetch(`${hs.baseUrl}/_matrix/client/v3/login`, {
      method: 'POST',
      body: JSON.stringify({ type: 'm.login.password', identifier: { type: 'm.id.user', user: member.localpart }, password: member.password }),
    });
    tokens.push(((await response.json()) as { access_token: string }).access_token);
  }
}
const [sariApi, budiApi] = tokens.map((token) => matrixApi(hs.baseUrl, token)) as [ReturnType<typeof matrixApi>, ReturnType<typeof matrixApi>];
// The demo room is made once; later runs go on in the same room.
const roomFile = path.join(demoDir, 'room-id');
let roomId = existsSync(roomFile) ? (await readFile(roomFile, 'utf8')).trim() : '';
if (roomId === '') {
  roomId = await sariApi.createRoom({ name: 'Rapat Koperasi Demo', invite: [`@budi:${hs.serverName}`] });
  await budiApi.join(roomId);
  await sariApi.sendText(roomId, 'Selamat datang di Rembuk! Ini ruang rapat koperasi kita.');
  await budiApi.sendText(roomId, 'Terima kasih, Bu Sari. Kapan rapat anggota tahunan?');
  await writeFile(roomFile, roomId);
}

// What the two members go on saying once the windows are open, so they show live chat.
const lines = [
  [0, 'Rapat anggota tahunan hari Sabtu jam 9, di balai desa.'],
  [1, 'Siap. Saya bawa laporan kas.'],
  [0, 'Bagus. Nanti usulan pembagian SHU kita putuskan bersama di tab Koperasi.'],
] as const;

// Electron where its binary is installed: each member in a real Rembuk window, signed in by the app itself.
const electronDir = path.join(repoRoot, 'node_modules/electron');
if (existsSync(path.join(electronDir, 'path.txt')) && existsSync(path.join(electronDir, 'dist'))) {
  const electronBinary = path.join(electronDir, 'dist', (await readFile(path.join(electronDir, 'path.txt'), 'utf8')).trim());
  const windows = members.map((member) =>
    spawn(electronBinary, [repoRoot, '--profile-dir', path.join(demoDir, `electron-${member.localpart}`), '--demo-sign-in-from-env'], {
      stdio: 'inherit',
      env: { ...process.env, REMBUK_DEMO_SIGN_IN: JSON.stringify({ homeserverUrl: hs.baseUrl, username: member.localpart, password: member.password }) },
    }),
  );
  console.log('Rembuk (Electron) terbuka untuk Sari dan Budi / opened for Sari and Budi. Tutup jendela untuk berhenti / close the windows to stop.');
  const apis = [sariApi, budiApi];
  for (const [who, text] of lines) {
    await sleep(4000);
    await apis[who]?.sendText(roomId, text);
  }
  await Promise.all(windows.map((child) => new Promise((resolve) => child.once('exit', resolve))));
  await hs.stop();
  process.exit(0);
}

// Otherwise the loopback transport, each member's core in Node and their window in Chromium.
const apps: RunningApp[] = [];
for (const member of members) {
  const app = await startApp({ profileDir: path.join(demoDir, `profile-${member.localpart}`) });
  apps.push(app);
  const bridge = await connectBridge(app.url);
  if ((await bridge.invoke('session:get', {})) === null) {
    await bridge.invoke('session:signIn', { homeserverUrl: hs.baseUrl, username: member.localpart, password: member.password });
  }
  bridge.close();
}

const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((file) => existsSync(file));
apps.forEach((app, index) => {
  const member = members[index];
  console.log(`${member?.displayName ?? ''}: ${app.url}`);
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
      console.log(`  Buka alamat di atas di peramban / open the address above in a browser`);
    })
    .unref();
});

// Here the two members talk through their own Rembuk cores.
const bridges = await Promise.all(apps.map((app) => connectBridge(app.url)));
// Each core knows the room only once its first sync is in.
for (const bridge of bridges) {
  for (let attempt = 0; ; attempt++) {
    try {
      await bridge.invoke('room:details', { roomId });
      break;
    } catch (error) {
      if (attempt > 100) {
        throw error;
      }
      await sleep(300);
    }
  }
}
for (const [who, text] of lines) {
  await sleep(3000);
  await bridges[who]?.invoke('message:send', { roomId, body: text });
}
console.log('Demo berjalan. Tekan Ctrl+C untuk berhenti / Demo running. Press Ctrl+C to stop.');

const stop = async (): Promise<void> => {
  bridges.forEach((bridge) => {
    bridge.close();
  });
  await Promise.all(apps.map((app) => app.stop()));
  await hs.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
