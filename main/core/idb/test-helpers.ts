import { randomBytes } from 'node:crypto';
import type { IDBDatabase, IDBFactory, IDBObjectStore, IDBRequest, IDBTransaction } from './idb-types.ts';

// Promise wrappers around the event-based IndexedDB API, for the tests in this folder.

export const newStoreKey = (): Uint8Array => new Uint8Array(randomBytes(32));

export const result = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('request failed'));
    };
  });

/** Resolves on `complete`, rejects with the transaction's error on `abort`. */
export const finished = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve();
    };
    tx.onabort = () => {
      reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    };
  });

export type Upgrade = (db: IDBDatabase, tx: IDBTransaction, oldVersion: number) => void;

export const openDatabase = (factory: IDBFactory, name: string, version?: number, upgrade?: Upgrade): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (upgrade !== undefined && tx !== null) {
        upgrade(request.result, tx, event.oldVersion);
      }
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('open failed'));
    };
  });

export const deleteDatabase = (factory: IDBFactory, name: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => {
      resolve();
    };
    request.onerror = () => {
      reject(request.error ?? new Error('delete failed'));
    };
  });

/** Runs `body` in one transaction and waits for it to complete (or rejects with its abort error). */
export const inTransaction = async (
  db: IDBDatabase,
  stores: string | string[],
  body: (tx: IDBTransaction) => void,
  mode: 'readonly' | 'readwrite' = 'readwrite',
): Promise<void> => {
  const tx = db.transaction(stores, mode);
  const done = finished(tx);
  body(tx);
  await done;
};

/** Issues the reads synchronously in one readonly transaction, then awaits them all. */
export const readAll = (db: IDBDatabase, stores: string[], issue: (store: (name: string) => IDBObjectStore) => IDBRequest[]): Promise<unknown[]> => {
  const tx = db.transaction(stores, 'readonly');
  return Promise.all(issue((name) => tx.objectStore(name)).map((request) => result(request)));
};
