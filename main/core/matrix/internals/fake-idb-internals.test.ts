import { IDBFactory as FakeFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { IDBFactory, IDBRequest } from '../../idb/idb-types.ts';

// Every fake-indexeddb internal fake-idb-internals.ts relies on, looked at on a real
// fake-indexeddb database (not through that file), so an upgrade that renames or drops
// one fails here with its name rather than somewhere deep in a restore.

const VERSION = 'fake-indexeddb (pinned in package.json)';

type Bag = Record<string, unknown>;

const bag = (value: unknown, what: string): Bag => {
  expect(typeof value === 'object' && value !== null, `${VERSION}: ${what} is not an object`).toBe(true);
  return value as Bag;
};

/** The named member of an internal object, failing loudly when it is gone or of another kind. */
const member = (owner: unknown, ownerName: string, name: string, kind: 'function' | 'object' | 'string' | 'number' | 'boolean'): unknown => {
  const value = bag(owner, ownerName)[name];
  expect(typeof value, `${VERSION}: ${ownerName} has no ${kind} \`${name}\``).toBe(kind);
  return value;
};

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(new Error('request failed'));
    };
  });

const internalClass = async (file: string): Promise<unknown> => {
  const module: unknown = await import(new URL(file, import.meta.resolve('fake-indexeddb')).href);
  return bag(module, file).default;
};

describe('the fake-indexeddb internals the persistent IndexedDB builds on', () => {
  it('has its internal classes next to its entry point', async () => {
    for (const file of ['./lib/Database.js', './lib/ObjectStore.js', './lib/Index.js']) {
      expect(typeof (await internalClass(file)), `${VERSION}: no default class in ${file}`).toBe('function');
    }
  });

  it('keeps databases, stores, records, indexes and transactions where the restore and write-through read them', async () => {
    // fake-indexeddb's own declarations resolve to `any` here (idb-types.ts says why): typed as the subset Rembuk uses.
    const factory = new (FakeFactory as unknown as new () => IDBFactory)();
    const open = factory.open('probe', 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('things', { keyPath: 'id', autoIncrement: true });
      store.createIndex('byName', 'name', { unique: false });
    };
    const db = await request(open);
    const tx = db.transaction(['things'], 'readwrite');
    tx.objectStore('things').put({ name: 'a' });

    const databases = member(factory, 'IDBFactory', '_databases', 'object');
    expect(databases instanceof Map, `${VERSION}: IDBFactory._databases is not a Map`).toBe(true);
    const raw = (databases as Map<string, unknown>).get('probe');
    expect(member(raw, 'Database', 'name', 'string')).toBe('probe');
    member(raw, 'Database', 'version', 'number');
    member(raw, 'Database', 'processTransactions', 'function');
    expect(Array.isArray(bag(raw, 'Database').transactions), `${VERSION}: Database has no array \`transactions\``).toBe(true);
    const stores = member(raw, 'Database', 'rawObjectStores', 'object') as Map<string, unknown>;
    const store = stores.get('things');
    member(store, 'ObjectStore', 'name', 'string');
    member(store, 'ObjectStore', 'autoIncrement', 'boolean');
    member(member(store, 'ObjectStore', 'keyGenerator', 'object'), 'KeyGenerator', 'num', 'number');
    expect('keyPath' in bag(store, 'ObjectStore'), `${VERSION}: ObjectStore has no \`keyPath\``).toBe(true);
    const records = member(store, 'ObjectStore', 'records', 'object');
    for (const name of ['get', 'put', 'delete', 'clear', 'values']) {
      member(records, 'RecordStore', name, 'function');
    }
    const index = (member(store, 'ObjectStore', 'rawIndexes', 'object') as Map<string, unknown>).get('byName');
    member(index, 'Index', 'storeRecord', 'function');
    member(index, 'Index', 'deleted', 'boolean');
    member(index, 'Index', 'initialized', 'boolean');

    const scope = member(tx, 'FDBTransaction', '_scope', 'object');
    expect(scope instanceof Set && scope.has('things'), `${VERSION}: FDBTransaction._scope is not the Set of its stores`).toBe(true);
    expect(member(member(tx, 'FDBTransaction', 'db', 'object'), 'FDBDatabase', '_rawDatabase', 'object')).toBe(raw);
    member(tx, 'FDBTransaction', '_abort', 'function');
    member(tx, 'FDBTransaction', 'dispatchEvent', 'function');
    expect(member(tx, 'FDBTransaction', 'mode', 'string')).toBe('readwrite');
    await new Promise((resolve) => {
      tx.oncomplete = resolve;
    });
    db.close();
  });
});
