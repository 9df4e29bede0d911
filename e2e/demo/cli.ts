/**
 * `npm run demo`: a local Synapse, two demo members (Sari and Budi) with a co-op room
 * and some history, and a Rembuk window for each, already signed in, chatting.
 * Ctrl+C stops everything.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { homeserverDir, installSynapse, startSynapse } from '../homeserver/synapse.ts';

const demoDir = path.join(homeserverDir(), 'demo');
const members = [
  { localpart: 'sari', password: 'demo-sari', displayName: 'Sari (pengurus)' },
  { localpart: 'budi', password: 'demo-budi', displayName: 'Budi (anggota)' },
] as const;

console.log('Menyiapkan server Matrix lokal / Setting up a local Matrix homeserver…');
await installSynapse({ log: (line) => { console.log(`  ${line}`); } });
await mkdir(demoDir, { recursive: true });
const hs = await startSynapse({ dataDir: path.join(demoDir, 'synapse') });

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
      ? [chromium, [`--app=${app.url}`, `--user-data-dir=${path.join(app.profileDir, 'chromium')}`, '--no-first-run', '--disable-background-networking', `--window-position=${String(40 + index * 660)},40`, '--window-size=640,720']]
      : process.platform === 'darwin'
        ? ['open', [app.url]]
        : process.platform === 'win32'
          ? ['cmd', ['/c', 'start', '', app.url]]
          : ['xdg-open', [app.url]];
  spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {
    console.log(`  Buka alamat di atas di peramban / open the address above in a browser`);
  }).unref();
});

// The two members go on talking through their own Rembuk cores, so the windows show live chat.
const lines = [
  [0, 'Rapat anggota tahunan hari Sabtu jam 9, di balai desa.'],
  [1, 'Siap. Saya bawa laporan kas.'],
  [0, 'Bagus. Nanti usulan pembagian SHU kita putuskan bersama di tab Koperasi.'],
] as const;
const bridges = await Promise.all(apps.map((app) => connectBridge(app.url)));
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
