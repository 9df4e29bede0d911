import { readFile, readdir, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { IDBDatabase } from './idb-types.ts';
import { openPersistentIdb } from './persistent-idb.ts';
import { WrongStoreKeyError } from './store-cipher.ts';
import { finished, inTransaction, newStoreKey, openDatabase, readAll as read } from './test-helpers.ts';
import { useProfile } from './test-profile.ts';

// What is on disk, and when: written before `complete`, sealed, and never touched by a
// store that cannot open it.

const profiles = useProfile('rembuk-idb-');
const profile = (key?: Uint8Array) => profiles.open(key);

const basicStore = (db: IDBDatabase): void => {
  db.createObjectStore('things');
};

describe('the store file', () => {
  it('has the transaction in the file when complete fires', async () => {
    const p = profile();
    const db = await openDatabase(p.idb.factory, 'app', 1, basicStore);
    const rowsSeenAtComplete = await new Promise((resolve) => {
      const tx = db.transaction('things', 'readwrite');
      for (let i = 0; i < 5; i += 1) {
        tx.objectStore('things').put(i, i);
      }
      tx.oncomplete = () => {
        // Another connection sees it: committed to SQLite, not just in memory.
        const reader = new DatabaseSync(profiles.file, { readOnly: true });
        resolve(reader.prepare('SELECT count(*) AS n FROM records').get()?.n);
        reader.close();
      };
    });
    expect(rowsSeenAtComplete).toBe(5);
  });

  it('refuses a wrong key with WrongStoreKeyError and leaves the file untouched', async () => {
    const key = newStoreKey();
    const p = profile(key);
    const db = await openDatabase(p.idb.factory, 'app', 1, basicStore);
    await inTransaction(db, 'things', (tx) => {
      tx.objectStore('things').put('secret', 'k');
    });
    p.idb.close();
    const file = profiles.file;
    const before = await readFile(file);
    const listing = await readdir(profiles.dir);

    expect(() => openPersistentIdb({ file, key: newStoreKey() })).toThrow(WrongStoreKeyError);
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await readdir(profiles.dir)).toEqual(listing);
    expect(() => openPersistentIdb({ file, key: key.subarray(1) })).toThrow(RangeError);

    const again = await openDatabase(p.reopen().factory, 'app');
    const [value] = await read(again, ['things'], (store) => [store('things').get('k')]);
    expect(value).toBe('secret');
  });

  it('refuses a file that is not its own, without touching it', async () => {
    const file = profiles.file;
    await writeFile(file, 'not a database, just bytes that someone left here');
    const before = await readFile(file);
    expect(() => openPersistentIdb({ file, key: newStoreKey() })).toThrow();
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(await readdir(profiles.dir)).toEqual(['idb.sqlite']);
  });

  it('takes over a file left empty by a first open that died before creating its tables', async () => {
    const empty = new DatabaseSync(profiles.file);
    empty.exec('PRAGMA journal_mode = WAL');
    empty.close();
    const p = profile();
    const db = await openDatabase(p.idb.factory, 'app', 1, basicStore);
    await inTransaction(db, 'things', (tx) => {
      tx.objectStore('things').put('kept', 'k');
    });
    const [value] = await read(await openDatabase(p.reopen().factory, 'app'), ['things'], (store) => [store('things').get('k')]);
    expect(value).toBe('kept');
  });

  it('aborts, instead of completing, a transaction it cannot write (here: after close)', async () => {
    const p = profile();
    const db = await openDatabase(p.idb.factory, 'app', 1, basicStore);
    p.idb.close();
    let completed = false;
    const tx = db.transaction('things', 'readwrite');
    tx.objectStore('things').put('never on disk', 'k');
    const done = finished(tx);
    tx.oncomplete = () => {
      completed = true;
    };
    await expect(done).rejects.toMatchObject({ name: 'UnknownError' });
    expect(completed).toBe(false);
    // Memory was rolled back with it, and reads still work.
    const [inMemory] = await read(db, ['things'], (store) => [store('things').get('k')]);
    expect(inMemory).toBeUndefined();
    const reopened = await openDatabase(p.reopen().factory, 'app');
    const [onDisk] = await read(reopened, ['things'], (store) => [store('things').getAll()]);
    expect(onDisk).toEqual([]);
  });

  it('writes no name, key or value in the clear', async () => {
    const marker = 'PLAINTEXT-MARKER-42';
    const p = profile();
    const db = await openDatabase(p.idb.factory, `db-${marker}`, 1, (upgrading) => {
      upgrading.createObjectStore(`store-${marker}`).createIndex(`index-${marker}`, 'field');
    });
    await inTransaction(db, `store-${marker}`, (tx) => {
      tx.objectStore(`store-${marker}`).put({ field: `value-${marker}` }, `key-${marker}`);
    });
    const bytes = Buffer.concat([await readFile(profiles.file), await readFile(`${profiles.file}-wal`)]);
    expect(bytes.length).toBeGreaterThan(0);
    for (const encoding of ['latin1', 'utf16le'] as const) {
      expect(bytes.includes(Buffer.from(marker, encoding))).toBe(false);
    }
  });
});
