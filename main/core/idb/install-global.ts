import * as fake from 'fake-indexeddb';
import type { PersistentIdb } from './persistent-idb.ts';

// matrix-sdk-crypto-wasm takes no factory: it reads globalThis.indexedDB and calls
// IDBKeyRange.bound & co., and checks results with `instanceof IDBRequest` and friends.
// So these are the globals fake-indexeddb/auto sets, with our factory as `indexedDB`.
// One profile per process means one persistent IndexedDB per process, hence one global.

let installed: PersistentIdb | null = null;

/** Makes `idb` the process's IndexedDB; returns a function that puts back what was there before. */
export const installAsGlobal = (idb: PersistentIdb): (() => void) => {
  if (installed !== null) {
    throw new Error('a persistent IndexedDB is already installed as the global indexedDB');
  }
  const values: Record<string, unknown> = {
    indexedDB: idb.factory,
    IDBCursor: fake.IDBCursor,
    IDBCursorWithValue: fake.IDBCursorWithValue,
    IDBDatabase: fake.IDBDatabase,
    IDBFactory: fake.IDBFactory,
    IDBIndex: fake.IDBIndex,
    IDBKeyRange: fake.IDBKeyRange,
    IDBObjectStore: fake.IDBObjectStore,
    IDBOpenDBRequest: fake.IDBOpenDBRequest,
    IDBRecord: fake.IDBRecord,
    IDBRequest: fake.IDBRequest,
    IDBTransaction: fake.IDBTransaction,
    IDBVersionChangeEvent: fake.IDBVersionChangeEvent,
  };
  const previous = Object.keys(values).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, value] of Object.entries(values)) {
    // Writable and configurable like fake-indexeddb/auto, so tests and restore can replace them.
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  }
  installed = idb;
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor === undefined) {
        Reflect.deleteProperty(globalThis, name);
      } else {
        Object.defineProperty(globalThis, name, descriptor);
      }
    }
    installed = null;
  };
};
