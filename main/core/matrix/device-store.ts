import path from 'node:path';
import { IndexedDBStore } from 'matrix-js-sdk';
import { installAsGlobal, openPersistentIdb, type PersistentIdb } from '../idb/index.ts';

/** One SQLite file holds this device's crypto store and its sync cache. */
export const DEVICE_STORE_FILE = 'device-store.sqlite';

/** The IndexedDB database names Rust crypto uses start with this. */
export const CRYPTO_DB_PREFIX = 'rembuk';
const SYNC_DB_NAME = 'rembuk-sync';

/** How often, at most, the sync cache is written while syncing; it is also written on quit. */
export const SYNC_SAVE_INTERVAL_MS = 10_000;

type StoreOptions = ConstructorParameters<typeof IndexedDBStore>[0];

export type DeviceStore = {
  /** matrix-js-sdk's store for rooms and the sync token: a restart shows them before the network answers. */
  readonly syncStore: IndexedDBStore;
  sizeOnDisk(): number;
  close(): void;
};

/**
 * Opens the device's store, encrypted with its storage key. Rust crypto only reads the
 * global IndexedDB, so this one becomes the global for as long as it is open (a process
 * owns one profile at a time). Throws WrongStoreKeyError, touching nothing, if the key
 * is not the one the store was made with.
 */
export const openDeviceStore = (profileDir: string, storageKey: Uint8Array): DeviceStore => {
  const idb: PersistentIdb = openPersistentIdb({ file: path.join(profileDir, DEVICE_STORE_FILE), key: storageKey });
  let restoreGlobals: () => void;
  try {
    restoreGlobals = installAsGlobal(idb);
  } catch (error) {
    idb.close();
    throw error;
  }
  // Our factory is structurally the DOM's IDBFactory, which main compiles without.
  const options: Record<string, unknown> = { indexedDB: idb.factory, dbName: SYNC_DB_NAME };
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- needed where the DOM types exist (bench, e2e)
  const syncStore = new IndexedDBStore(options as StoreOptions);
  return {
    syncStore,
    sizeOnDisk: () => idb.sizeOnDisk(),
    close: () => {
      restoreGlobals();
      idb.close();
    },
  };
};
