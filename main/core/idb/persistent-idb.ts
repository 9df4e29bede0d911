import { IDBKeyRange as FakeKeyRange } from 'fake-indexeddb';
import { createFactory } from '../matrix/internals/fake-idb-internals.ts';
import type { IDBFactory, IDBKeyRangeStatic } from './idb-types.ts';
import { restoreAll } from './restore.ts';
import { openSqliteFile } from './sqlite-file.ts';
import { createStoreCipher } from './store-cipher.ts';
import { createWriteThrough } from './write-through.ts';

export type PersistentIdb = {
  /** An IDBFactory to hand to matrix-js-sdk's IndexedDBStore (or to install as the global indexedDB). */
  readonly factory: IDBFactory;
  readonly keyRange: IDBKeyRangeStatic;
  /** Closes SQLite. Reads still work from memory; a transaction that would write aborts instead of completing. */
  close(): void;
  /** Bytes on disk (database file + WAL). */
  sizeOnDisk(): number;
};

export type PersistentIdbOptions = {
  readonly file: string;
  /** 32 bytes, the same at every start (Rembuk keeps it in the OS keychain). */
  readonly key: Uint8Array;
};

/**
 * An in-memory IndexedDB (fake-indexeddb) whose every committed readwrite or versionchange
 * transaction is in the SQLite file, encrypted, before its `complete` event fires; the whole
 * state is loaded back at open. Throws WrongStoreKeyError, without writing, for a wrong key.
 */
export const openPersistentIdb = (options: PersistentIdbOptions): PersistentIdb => {
  const cipher = createStoreCipher(options.key);
  const file = openSqliteFile(options.file, cipher);
  try {
    const writeThrough = createWriteThrough(file);
    const { factory, restoreDatabase } = createFactory(writeThrough);
    restoreAll(file, restoreDatabase, writeThrough);
    return {
      factory,
      keyRange: FakeKeyRange as IDBKeyRangeStatic,
      close: () => {
        file.close();
      },
      sizeOnDisk: () => file.sizeOnDisk(),
    };
  } catch (error) {
    file.close();
    throw error;
  }
};
