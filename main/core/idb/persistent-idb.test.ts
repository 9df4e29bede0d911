import { describe, expect, it } from 'vitest';
import type { IDBCursorWithValue, IDBDatabase, IDBRequest } from './idb-types.ts';
import { deleteDatabase, finished, inTransaction, openDatabase, readAll as read, result } from './test-helpers.ts';
import { useProfile } from './test-profile.ts';

// IndexedDB semantics across restarts: what committed is back, what aborted is not.

const profiles = useProfile('rembuk-idb-');
const profile = (key?: Uint8Array) => profiles.open(key);

const basicStore = (db: IDBDatabase): void => {
  db.createObjectStore('things');
};

describe('openPersistentIdb', () => {
  it('keeps a committed transaction across a restart: records, stores, indexes and the key generator', async () => {
    const p = profile();
    let db = await openDatabase(p.idb.factory, 'app', 1, (upgrading) => {
      const people = upgrading.createObjectStore('people', { keyPath: 'id' });
      people.createIndex('byEmail', 'email', { unique: true });
      people.createIndex('byTag', 'tags', { multiEntry: true });
      people.createIndex('byName', ['last', 'first']);
      upgrading.createObjectStore('log', { autoIncrement: true });
      upgrading.createObjectStore('notes', { keyPath: 'n', autoIncrement: true });
      upgrading.createObjectStore('keys');
    });
    const ann = {
      id: 1,
      email: 'ann@x',
      tags: ['x', 'y'],
      first: 'Ann',
      last: 'Lee',
      born: new Date(86_400_000),
      secret: new Uint8Array([1, 2, 3]),
      extra: new Map([['k', { deep: [1, 2] }]]),
    };
    await inTransaction(db, ['people', 'log', 'notes', 'keys'], (tx) => {
      tx.objectStore('people').put(ann);
      tx.objectStore('people').put({ id: 2, email: 'bo@x', tags: ['y'], first: 'Bo', last: 'Lee' });
      tx.objectStore('log').add('first');
      tx.objectStore('log').add('second');
      tx.objectStore('notes').add({ text: 'a' });
      const keys = tx.objectStore('keys');
      keys.put('number', 1);
      keys.put('string', '1');
      keys.put('date', new Date(1));
      keys.put('binary', new Uint8Array([1, 255]));
      keys.put('array', [1, 'x', [new Date(2)]]);
    });
    db.close();

    db = await openDatabase(p.reopen().factory, 'app');
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual(['keys', 'log', 'notes', 'people']);
    const [person, byEmail, byTag, byName, logKeys, keys, values] = await read(db, ['people', 'log', 'keys'], (store) => [
      store('people').get(1),
      store('people').index('byEmail').get('bo@x'),
      store('people').index('byTag').getAllKeys('y'),
      store('people').index('byName').getKey(['Lee', 'Ann']),
      store('log').getAllKeys(),
      store('keys').getAllKeys(),
      store('keys').getAll(),
    ]);
    expect(person).toEqual(ann);
    expect(byEmail).toMatchObject({ id: 2 });
    expect(byTag).toEqual([1, 2]);
    expect(byName).toBe(1);
    expect(logKeys).toEqual([1, 2]);
    // IndexedDB order across key types: numbers < dates < strings < binary < arrays, each restored with its type.
    expect(values).toEqual(['number', 'date', 'string', 'binary', 'array']);
    const restored = keys as unknown[];
    expect(restored[0]).toBe(1);
    expect(restored[1]).toEqual(new Date(1));
    expect(restored[2]).toBe('1');
    expect(new Uint8Array(restored[3] as ArrayBuffer)).toEqual(new Uint8Array([1, 255]));
    expect(restored[4]).toEqual([1, 'x', [new Date(2)]]);

    // The key generators continue, and the unique index is still enforced.
    const addedKeys: unknown[] = [];
    await inTransaction(db, ['log', 'notes'], (tx) => {
      void result(tx.objectStore('log').add('third')).then((key) => addedKeys.push(key));
      void result(tx.objectStore('notes').add({ text: 'b' })).then((key) => addedKeys.push(key));
    });
    expect(addedKeys).toEqual([3, 2]);
    await expect(
      inTransaction(db, 'people', (tx) => {
        tx.objectStore('people').put({ id: 3, email: 'ann@x', tags: [] });
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    db.close();

    db = await openDatabase(p.reopen().factory, 'app');
    const [log, notes] = await read(db, ['log', 'notes'], (store) => [store('log').getAll(), store('notes').getAll()]);
    expect(log).toEqual(['first', 'second', 'third']);
    expect(notes).toEqual([
      { n: 1, text: 'a' },
      { n: 2, text: 'b' },
    ]);
  });

  it('keeps no trace of aborted transactions, explicit or by a failing request', async () => {
    const p = profile();
    let db = await openDatabase(p.idb.factory, 'app', 1, (upgrading) => {
      upgrading.createObjectStore('things');
      upgrading.createObjectStore('log', { autoIncrement: true });
    });
    await inTransaction(db, ['things', 'log'], (tx) => {
      tx.objectStore('things').put('original', 'existing');
      tx.objectStore('log').add('one');
    });

    const explicit = db.transaction(['things', 'log'], 'readwrite');
    const explicitDone = finished(explicit);
    explicit.objectStore('things').put('changed', 'existing');
    explicit.objectStore('things').put('new', 'fresh');
    explicit.objectStore('log').add('lost');
    void result(explicit.objectStore('things').clear()).then(() => {
      explicit.abort();
    });
    await expect(explicitDone).rejects.toMatchObject({ name: 'AbortError' });

    await expect(
      inTransaction(db, ['things', 'log'], (tx) => {
        tx.objectStore('things').put('new', 'fresh');
        tx.objectStore('things').delete('existing');
        tx.objectStore('log').add('lost');
        tx.objectStore('things').add('duplicate', 'fresh');
      }),
    ).rejects.toMatchObject({ name: 'ConstraintError' });
    db.close();

    db = await openDatabase(p.reopen().factory, 'app');
    const [keys, existing, log] = await read(db, ['things', 'log'], (store) => [
      store('things').getAllKeys(),
      store('things').get('existing'),
      store('log').getAllKeys(),
    ]);
    expect(keys).toEqual(['existing']);
    expect(existing).toBe('original');
    expect(log).toEqual([1]);
    // The aborted adds did not move the persisted key generator either.
    const next = await new Promise((resolve) => {
      const tx = db.transaction('log', 'readwrite');
      void result(tx.objectStore('log').add('two')).then(resolve);
    });
    expect(next).toBe(2);
  });

  it('commits the rest of a transaction whose failed request was handled', async () => {
    const p = profile();
    let db = await openDatabase(p.idb.factory, 'app', 1, basicStore);
    await inTransaction(db, 'things', (tx) => {
      tx.objectStore('things').put('a', 1);
    });
    await inTransaction(db, 'things', (tx) => {
      const store = tx.objectStore('things');
      store.add('again', 1).onerror = (event) => {
        event.preventDefault();
      };
      store.put('b', 2);
    });
    db.close();
    db = await openDatabase(p.reopen().factory, 'app');
    const [all] = await read(db, ['things'], (store) => [store('things').getAll()]);
    expect(all).toEqual(['a', 'b']);
  });

  it('persists deletes by key and by range, clear, and cursor updates and deletes', async () => {
    const p = profile();
    let db = await openDatabase(p.idb.factory, 'app', 1, (upgrading) => {
      upgrading.createObjectStore('numbers');
      upgrading.createObjectStore('scratch');
    });
    await inTransaction(db, ['numbers', 'scratch'], (tx) => {
      for (let i = 1; i <= 10; i += 1) {
        tx.objectStore('numbers').put({ i }, i);
      }
      tx.objectStore('scratch').put('gone', 'x');
    });
    await inTransaction(db, ['numbers', 'scratch'], (tx) => {
      const numbers = tx.objectStore('numbers');
      numbers.delete(1);
      numbers.delete(p.idb.keyRange.bound(3, 5));
      tx.objectStore('scratch').clear();
      tx.objectStore('scratch').put('after clear', 'y');
      const cursor: IDBRequest<IDBCursorWithValue | null> = numbers.openCursor(p.idb.keyRange.lowerBound(6));
      cursor.onsuccess = () => {
        const current = cursor.result;
        if (current === null) {
          return;
        }
        if (current.key === 7) {
          current.delete();
        } else {
          current.update({ i: current.key, doubled: (current.key as number) * 2 });
        }
        current.continue();
      };
    });
    db.close();
    db = await openDatabase(p.reopen().factory, 'app');
    const [keys, eight, scratch] = await read(db, ['numbers', 'scratch'], (store) => [
      store('numbers').getAllKeys(),
      store('numbers').get(8),
      store('scratch').getAllKeys(),
    ]);
    expect(keys).toEqual([2, 6, 8, 9, 10]);
    expect(eight).toEqual({ i: 8, doubled: 16 });
    expect(scratch).toEqual(['y']);
  });

  it('persists deleteDatabase', async () => {
    const p = profile();
    const db = await openDatabase(p.idb.factory, 'doomed', 3, basicStore);
    await inTransaction(db, 'things', (tx) => {
      tx.objectStore('things').put('data', 'k');
    });
    await openDatabase(p.idb.factory, 'kept', 1, basicStore);
    db.close();
    await deleteDatabase(p.idb.factory, 'doomed');

    const idb = p.reopen();
    expect(await idb.factory.databases()).toEqual([{ name: 'kept', version: 1 }]);
    let oldVersion = -1;
    const again = await openDatabase(idb.factory, 'doomed', 1, (upgrading, _tx, old) => {
      oldVersion = old;
      expect([...upgrading.objectStoreNames]).toEqual([]);
    });
    expect(oldVersion).toBe(0);
    expect(again.version).toBe(1);
  });

  it('persists a versionchange (v1 to v2: a new store, a new index, a deleted and a renamed store) and forgets an aborted one', async () => {
    const p = profile();
    let db = await openDatabase(p.idb.factory, 'app', 1, (upgrading) => {
      upgrading.createObjectStore('people', { keyPath: 'id' }).createIndex('byId', 'id');
      upgrading.createObjectStore('old');
      upgrading.createObjectStore('misnamed');
    });
    await inTransaction(db, ['people', 'old', 'misnamed'], (tx) => {
      tx.objectStore('people').put({ id: 1, room: '!a' });
      tx.objectStore('people').put({ id: 2, room: '!b' });
      tx.objectStore('old').put('stale', 'k');
      tx.objectStore('misnamed').put('kept', 'k');
    });
    db.close();

    db = await openDatabase(p.reopen().factory, 'app', 2, (upgrading, tx, oldVersion) => {
      expect(oldVersion).toBe(1);
      upgrading.createObjectStore('rooms', { keyPath: 'roomId' }).put({ roomId: '!a', name: 'A' });
      tx.objectStore('people').createIndex('byRoom', 'room');
      tx.objectStore('people').deleteIndex('byId');
      upgrading.deleteObjectStore('old');
      tx.objectStore('misnamed').name = 'renamed';
    });
    db.close();

    db = await openDatabase(p.reopen().factory, 'app');
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames]).toEqual(['people', 'renamed', 'rooms']);
    expect([...db.transaction('people').objectStore('people').indexNames]).toEqual(['byRoom']);
    const [inRoom, room, renamed] = await read(db, ['people', 'rooms', 'renamed'], (store) => [
      store('people').index('byRoom').get('!b'),
      store('rooms').get('!a'),
      store('renamed').get('k'),
    ]);
    expect(inRoom).toEqual({ id: 2, room: '!b' });
    expect(room).toEqual({ roomId: '!a', name: 'A' });
    expect(renamed).toBe('kept');
    db.close();

    await expect(
      openDatabase(p.idb.factory, 'app', 3, (upgrading, tx) => {
        upgrading.createObjectStore('never');
        upgrading.deleteObjectStore('rooms');
        tx.abort();
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });

    db = await openDatabase(p.reopen().factory, 'app', 3, (upgrading) => {
      // A store named like a deleted one starts empty: the old records went with it.
      upgrading.createObjectStore('old');
    });
    expect([...db.objectStoreNames]).toEqual(['old', 'people', 'renamed', 'rooms']);
    const [old] = await read(db, ['old'], (store) => [store('old').getAll()]);
    expect(old).toEqual([]);
  });
});
