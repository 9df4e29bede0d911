/**
 * Decryption throughput in main: the same encrypted room history decrypted by a device
 * whose Rust crypto store is Rembuk's persistent SQLite store, and by one on
 * matrix-js-sdk's in-memory store, in the same run. Goal: persistent ≤ 1.5× in-memory time.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { startApp } from '../e2e/fixtures/app.ts';
import { connectBridge } from '../e2e/fixtures/bridge-client.ts';
import { benchHomeserver, report } from './bench-kit.ts';

const MESSAGES = Number(process.env.MESSAGES ?? 1000);

const receiver = (mode: 'memory' | 'persistent', args: string[]) => {
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', new URL('./decrypt-receiver.ts', import.meta.url).pathname, mode, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout });
  const next = (prefix: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const onLine = (line: string): void => {
        if (line.startsWith(prefix)) {
          lines.off('line', onLine);
          resolve(line);
        }
      };
      lines.on('line', onLine);
      child.once('exit', (code) => {
        reject(new Error(`${mode} receiver exited with ${String(code)}`));
      });
    });
  return { child, next };
};

const hs = await benchHomeserver();
const app = await startApp();
try {
  await hs.registerUser('pengirim', 'sandi-pengirim');
  await hs.registerUser('penerima', 'sandi-penerima');
  const bridge = await connectBridge(app.url);
  await bridge.invoke('session:signIn', { homeserverUrl: hs.baseUrl, username: 'pengirim', password: 'sandi-pengirim' });
  const { roomId } = await bridge.invoke('room:create', { name: 'Bench', invite: ['@penerima:localhost'] });

  const receivers = (['memory', 'persistent'] as const).map((mode) => ({ mode, ...receiver(mode, [hs.baseUrl, 'penerima', 'sandi-penerima', roomId]) }));
  await Promise.all(receivers.map((entry) => entry.next('READY')));
  // Both devices have joined; wait until the sender's core has seen it, so it shares keys with them.
  await new Promise((resolve) => setTimeout(resolve, 3000));

  const sendStarted = performance.now();
  for (let index = 0; index < MESSAGES; index++) {
    await bridge.invoke('message:send', { roomId, body: `pesan terenkripsi ${String(index)}` });
  }
  const marker = `selesai-${String(Date.now())}`;
  await bridge.invoke('message:send', { roomId, body: marker });
  const sendMs = performance.now() - sendStarted;

  // One after the other, so the two do not share the two cores while timed.
  const results: { mode: string; count: number; ms: number; failed: number }[] = [];
  for (const entry of receivers) {
    entry.child.stdin.write(`GO ${marker}\n`);
    const [, count, ms, failed] = (await entry.next('RESULT')).split(' ');
    results.push({ mode: entry.mode, count: Number(count), ms: Number(ms), failed: Number(failed) });
  }
  const memory = results.find((result) => result.mode === 'memory');
  const persistent = results.find((result) => result.mode === 'persistent');
  if (memory === undefined || persistent === undefined) {
    throw new Error('a receiver gave no result');
  }
  report(`decryption in main (${String(memory.count)} Megolm events; ${String(MESSAGES)} sent in ${(sendMs / 1000).toFixed(1)} s)`, {
    'in-memory store: events/s': (memory.count / memory.ms) * 1000,
    'persistent SQLite store: events/s': (persistent.count / persistent.ms) * 1000,
    'undecryptable (memory / persistent)': `${String(memory.failed)} / ${String(persistent.failed)}`,
    'time ratio persistent / in-memory': (persistent.ms / memory.ms).toFixed(2),
  });
  bridge.close();
} finally {
  await app.stop();
  await hs.stop();
}
