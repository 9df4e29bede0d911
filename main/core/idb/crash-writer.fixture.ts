import { randomBytes } from 'node:crypto';
import type { IDBDatabase } from './idb-types.ts';
import { openPersistentIdb } from './persistent-idb.ts';
import { finished, openDatabase, result } from './test-helpers.ts';

// A writer for crash.test.ts, run as a child process and killed with SIGKILL at a moment
// the test chooses. It reports on stdout (a pipe: synchronous on Linux, so a printed
// "committed N" happened before the next transaction began).
// - `hold`: commits transaction 1, then keeps transaction 2 open forever after its puts.
// - `stream`: commits transactions N+1, N+2, … after the last one already in the file,
//   each writing RECORDS records to `records` and one summary to `ledger`.

const RECORDS = 20;
const PAYLOAD = 2048;

const [file, keyHex, mode] = process.argv.slice(2);
if (file === undefined || keyHex === undefined || (mode !== 'hold' && mode !== 'stream')) {
  throw new Error('usage: crash-writer.fixture.ts <file> <key hex> hold|stream');
}
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const idb = openPersistentIdb({ file, key: Buffer.from(keyHex, 'hex') });
const db: IDBDatabase = await openDatabase(idb.factory, 'crash', 1, (upgrading) => {
  upgrading.createObjectStore('records');
  upgrading.createObjectStore('ledger');
});

const writeSequence = (seq: number) => {
  const tx = db.transaction(['records', 'ledger'], 'readwrite');
  const records = tx.objectStore('records');
  for (let i = 0; i < RECORDS; i += 1) {
    records.put({ seq, i, payload: new Uint8Array(randomBytes(PAYLOAD)) }, [seq, i]);
  }
  tx.objectStore('ledger').put({ seq, records: RECORDS }, seq);
  return tx;
};

if (mode === 'hold') {
  await finished(writeSequence(1));
  say('committed 1');
  const tx = writeSequence(2);
  const records = tx.objectStore('records');
  // Chained reads keep the transaction alive (it commits only when no request is pending).
  const keepAlive = (): void => {
    records.get([2, 0]).onsuccess = keepAlive;
  };
  records.get([2, RECORDS - 1]).onsuccess = () => {
    say('holding');
    keepAlive();
  };
} else {
  const done = await result(db.transaction('ledger', 'readonly').objectStore('ledger').count());
  say('ready');
  for (let seq = done + 1; ; seq += 1) {
    await finished(writeSequence(seq));
    say(`committed ${String(seq)}`);
  }
}
