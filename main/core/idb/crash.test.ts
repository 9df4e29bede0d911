import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { openPersistentIdb } from './persistent-idb.ts';
import { newStoreKey, openDatabase, result } from './test-helpers.ts';

// Crash safety: a writer in a child process is SIGKILLed in the middle of its work; what
// the parent then finds in the file must be exactly some prefix of the committed
// transactions, never part of one.

const RECORDS = 20;
const writer = fileURLToPath(new URL('./crash-writer.fixture.ts', import.meta.url));
const temp = useTempDir('rembuk-idb-crash-');

type Writer = { lastCommitted: number; killAfter(line: string, delayMs?: number): Promise<void> };

const startWriter = (file: string, key: Uint8Array, mode: 'hold' | 'stream'): Writer => {
  const child = spawn(process.execPath, [writer, file, Buffer.from(key).toString('hex'), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit');
  const state: Writer = {
    lastCommitted: 0,
    async killAfter(line, delayMs = 0) {
      const lines = createInterface({ input: child.stdout });
      const seen = new Promise<void>((resolve, reject) => {
        lines.on('line', (text) => {
          const committed = /^committed (\d+)$/.exec(text);
          if (committed?.[1] !== undefined) {
            state.lastCommitted = Number(committed[1]);
          }
          if (text === line) {
            resolve();
          }
        });
        void exited.then(() => {
          reject(new Error(`writer exited before "${line}": ${stderr}`));
        });
      });
      await seen;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await exited;
      // Lines already in the pipe when the kill landed still count as reported.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
  return state;
};

type Found = { ledger: number[]; records: Map<number, number[]> };

const inspect = async (file: string, key: Uint8Array): Promise<Found> => {
  const idb = openPersistentIdb({ file, key });
  try {
    const db = await openDatabase(idb.factory, 'crash', 1);
    const tx = db.transaction(['records', 'ledger'], 'readonly');
    const [ledgerKeys, records] = await Promise.all([result(tx.objectStore('ledger').getAllKeys()), result(tx.objectStore('records').getAll())]);
    const bySeq = new Map<number, number[]>();
    for (const record of records as { seq: number; i: number; payload: Uint8Array }[]) {
      expect(record.payload).toBeInstanceOf(Uint8Array);
      bySeq.set(record.seq, [...(bySeq.get(record.seq) ?? []), record.i]);
    }
    db.close();
    return { ledger: ledgerKeys as number[], records: bySeq };
  } finally {
    idb.close();
  }
};

const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** The file holds transactions 1..k, each whole; returns k. */
const expectPrefix = (found: Found): number => {
  const k = found.ledger.length;
  expect(found.ledger).toEqual(range(1, k));
  expect([...found.records.keys()].sort((a, b) => a - b)).toEqual(range(1, k));
  for (const indices of found.records.values()) {
    expect(indices).toEqual(range(0, RECORDS - 1));
  }
  return k;
};

describe('crash safety', () => {
  it('loses a transaction killed before its commit, and keeps the one committed before', async () => {
    const file = path.join(temp.path, 'idb.sqlite');
    const key = newStoreKey();
    const child = startWriter(file, key, 'hold');
    await child.killAfter('holding');
    expect(child.lastCommitted).toBe(1);
    const found = await inspect(file, key);
    expect(expectPrefix(found)).toBe(1);
  });

  it('always leaves a prefix of the committed transactions when killed at random moments', async () => {
    const file = path.join(temp.path, 'idb.sqlite');
    const key = newStoreKey();
    let previous = 0;
    let inFlightKept = 0;
    const runs = 15;
    for (let run = 0; run < runs; run += 1) {
      const child = startWriter(file, key, 'stream');
      await child.killAfter('ready', Math.random() * 150);
      const k = expectPrefix(await inspect(file, key));
      // Everything reported as committed is there; at most the one in flight when the kill landed is too.
      expect(k).toBeGreaterThanOrEqual(Math.max(previous, child.lastCommitted));
      expect(k).toBeLessThanOrEqual(Math.max(previous, child.lastCommitted) + 1);
      if (k > Math.max(previous, child.lastCommitted)) {
        inFlightKept += 1;
      }
      previous = k;
    }
    console.log(
      `crash loop: ${String(runs)} kills, ${String(previous)} transactions of ${String(RECORDS)} records survived, all whole; ` +
        `${String(inFlightKept)} kills landed after a COMMIT but before the writer saw complete`,
    );
  }, 60_000);
});
