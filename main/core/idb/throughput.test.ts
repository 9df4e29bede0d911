import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { openPersistentIdb } from './persistent-idb.ts';
import { inTransaction, newStoreKey, openDatabase, result } from './test-helpers.ts';

// Not a benchmark with thresholds: it prints what a commit and a restart cost, so that a
// regression shows in the test output. Each commit is one fsynced SQLite transaction.

const temp = useTempDir('rembuk-idb-bench-');

const value = (i: number) => ({ id: i, sender: '@alice:example.org', body: 'x'.repeat(200), session: new Uint8Array(randomBytes(256)) });

const measure = async (records: number, transactions: number): Promise<string> => {
  const file = path.join(temp.path, `bench-${String(records)}.sqlite`);
  const key = newStoreKey();
  let idb = openPersistentIdb({ file, key });
  const db = await openDatabase(idb.factory, 'bench', 1, (upgrading) => {
    upgrading.createObjectStore('events', { keyPath: 'id' }).createIndex('bySender', 'sender');
  });
  const perTransaction = records / transactions;
  const writeStart = performance.now();
  for (let t = 0; t < transactions; t += 1) {
    await inTransaction(db, 'events', (tx) => {
      for (let i = 0; i < perTransaction; i += 1) {
        tx.objectStore('events').put(value(t * perTransaction + i));
      }
    });
  }
  const writeMs = performance.now() - writeStart;
  const size = idb.sizeOnDisk();
  db.close();
  idb.close();
  // Closing checkpoints the WAL into the database file and removes it.
  const closedSize = idb.sizeOnDisk();

  const reopenStart = performance.now();
  idb = openPersistentIdb({ file, key });
  const reopenMs = performance.now() - reopenStart;
  const reopened = await openDatabase(idb.factory, 'bench');
  const count = await result(reopened.transaction('events', 'readonly').objectStore('events').index('bySender').count());
  expect(count).toBe(records);
  idb.close();
  return (
    `${String(records)} puts in ${String(transactions)} transactions: ${writeMs.toFixed(0)} ms ` +
    `(${(writeMs / transactions).toFixed(2)} ms per commit), ${(size / 1024).toFixed(0)} KiB on disk with the WAL, ` +
    `${(closedSize / 1024).toFixed(0)} KiB after close; ` +
    `reopen ${reopenMs.toFixed(0)} ms`
  );
};

describe('throughput (printed, not asserted)', () => {
  it('measures commits and reopening', async () => {
    console.log(await measure(1000, 100));
    console.log(await measure(10_000, 100));
  }, 60_000);
});
