import { IDBFactory as FakeFactory } from 'fake-indexeddb';
import type { IDBFactory } from '../../idb/idb-types.ts';
import type { StoredKey } from '../../idb/key-codec.ts';
import type { IndexSchema, StoreSchema } from '../../idb/schema.ts';

// The only file that reaches inside fake-indexeddb. Why it has to:
// - Restoring a database synchronously at open means building fake-indexeddb's own
//   Database / ObjectStore / Index objects and filling their record trees; replaying
//   through the public API would be asynchronous, slow, and would itself be "written".
// - The public API has no "about to commit" hook: `complete` is the first sign, and even
//   a listener added first would run after fake-indexeddb's own (which, for an upgrade,
//   already schedules the open request's success). So each transaction's dispatchEvent
//   is wrapped, per instance, to persist before `complete` goes out to anyone.
// - Knowing what a transaction changed: the object store's record tree is the one place
//   every put/add/delete/clear/cursor update and every rollback goes through.
// package.json pins fake-indexeddb exactly; the fields used are listed in the Raw* types
// below, and the unit tests exercise every one of them.

/** Internal classes are not in fake-indexeddb's exports map; import them next to its entry point (same module instances). */
const entry = import.meta.resolve('fake-indexeddb');
const internal = async <T>(file: string): Promise<T> => {
  const module = (await import(new URL(file, entry).href)) as { default: T };
  return module.default;
};

type RawRecord = { key: StoredKey; value: unknown };
type RawRecordStore = {
  get(key: StoredKey): RawRecord | undefined;
  put(record: RawRecord, noOverwrite?: boolean): RawRecord | undefined;
  delete(query: unknown): RawRecord[];
  clear(): RawRecord[];
  values(): Iterable<RawRecord>;
};
type RawIndex = IndexSchema & { deleted: boolean; initialized: boolean; storeRecord(record: RawRecord): void };
type RawObjectStore = {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  keyGenerator: { num: number } | null;
  records: RawRecordStore;
  rawIndexes: Map<string, RawIndex>;
};
type RawDatabase = {
  name: string;
  version: number;
  rawObjectStores: Map<string, RawObjectStore>;
  transactions: RawTransaction[];
  processTransactions: () => void;
};
type RawTransaction = {
  mode: 'readonly' | 'readwrite' | 'versionchange';
  _scope: Set<string>;
  db: { _rawDatabase: RawDatabase };
  error: DOMException | null;
  _abort(errorName: string | null): void;
  dispatchEvent(event: { type: string }): boolean;
};
type RawFactory = IDBFactory & { _databases: Map<string, RawDatabase> };

const [Database, ObjectStore, Index] = await Promise.all([
  internal<new (name: string, version: number) => RawDatabase>('./lib/Database.js'),
  internal<new (db: RawDatabase, name: string, keyPath: StoreSchema['keyPath'], autoIncrement: boolean) => RawObjectStore>('./lib/ObjectStore.js'),
  internal<new (store: RawObjectStore, name: string, keyPath: string | string[], multiEntry: boolean, unique: boolean) => RawIndex>('./lib/Index.js'),
]);

// Opaque handles: the rest of the folder passes these around but cannot touch the fields.
declare const opaque: unique symbol;
export type DatabaseHandle = { readonly [opaque]: 'Database' };
export type StoreHandle = { readonly [opaque]: 'ObjectStore' };
export type TransactionHandle = { readonly [opaque]: 'Transaction' };
const rawDatabase = (handle: DatabaseHandle): RawDatabase => handle as unknown as RawDatabase;
const rawStore = (handle: StoreHandle): RawObjectStore => handle as unknown as RawObjectStore;
const databaseHandle = (db: RawDatabase): DatabaseHandle => db as unknown as DatabaseHandle;
const storeHandle = (store: RawObjectStore): StoreHandle => store as unknown as StoreHandle;

export type FactoryHooks = {
  /** deleteDatabase is about to drop this database from memory; throwing refuses (the request fails). */
  beforeDelete(database: DatabaseHandle): void;
  /** The transaction finished without error and is about to dispatch `complete`; throwing aborts it instead. */
  beforeComplete(transaction: TransactionHandle): void;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const interceptComplete = (tx: RawTransaction, hooks: FactoryHooks): void => {
  const dispatch = tx.dispatchEvent.bind(tx);
  tx.dispatchEvent = (event) => {
    if (event.type === 'complete') {
      try {
        hooks.beforeComplete(tx as unknown as TransactionHandle);
      } catch (error) {
        // What the disk refused must not stay in memory either: roll back as an abort would,
        // and tell the page why. `complete` never fires; `abort` does.
        tx._abort(null);
        tx.error = new DOMException(`write-through to SQLite failed: ${messageOf(error)}`, 'UnknownError');
        return false;
      }
    }
    return dispatch(event);
  };
};

export type HookedFactory = {
  readonly factory: IDBFactory;
  /** Puts a database back into the factory, as it was at the last committed transaction. */
  readonly restoreDatabase: (name: string, version: number) => DatabaseHandle;
};

export const createFactory = (hooks: FactoryHooks): HookedFactory => {
  const factory = new (FakeFactory as unknown as new () => RawFactory)();
  const intercepted = new WeakSet<RawTransaction>();
  const instrumented = new WeakSet<RawDatabase>();

  // Every transaction is created by FDBDatabase.transaction, which then calls
  // processTransactions on its Database synchronously — before the caller gets it back.
  const instrument = (db: RawDatabase): void => {
    instrumented.add(db);
    const process = db.processTransactions;
    db.processTransactions = () => {
      for (const tx of db.transactions) {
        if (!intercepted.has(tx)) {
          intercepted.add(tx);
          interceptComplete(tx, hooks);
        }
      }
      process();
    };
  };

  // The factory's name → Database map sees every database come (open of a new name,
  // or a restore) and go (deleteDatabase, right before its success event).
  factory._databases = new (class extends Map<string, RawDatabase> {
    override set(name: string, db: RawDatabase): this {
      if (!instrumented.has(db)) {
        instrument(db);
      }
      return super.set(name, db);
    }

    override delete(name: string): boolean {
      const db = this.get(name);
      if (db !== undefined) {
        hooks.beforeDelete(databaseHandle(db));
      }
      return super.delete(name);
    }
  })();

  return {
    factory,
    restoreDatabase: (name, version) => {
      const db = new Database(name, version);
      factory._databases.set(name, db);
      return databaseHandle(db);
    },
  };
};

/** Recreates a store with its records; its indexes are built from them afterwards by restoreIndexes. */
export const restoreStore = (database: DatabaseHandle, schema: StoreSchema): StoreHandle => {
  const db = rawDatabase(database);
  const store = new ObjectStore(db, schema.name, schema.keyPath, schema.autoIncrement);
  if (store.keyGenerator !== null && schema.keyGenerator !== null) {
    store.keyGenerator.num = schema.keyGenerator;
  }
  db.rawObjectStores.set(schema.name, store);
  return storeHandle(store);
};

export const restoreRecord = (store: StoreHandle, key: StoredKey, value: unknown): void => {
  rawStore(store).records.put({ key, value });
};

export const restoreIndexes = (handle: StoreHandle, indexes: readonly IndexSchema[]): void => {
  const store = rawStore(handle);
  for (const schema of indexes) {
    const index = new Index(store, schema.name, schema.keyPath, schema.multiEntry, schema.unique);
    for (const record of store.records.values()) {
      index.storeRecord(record);
    }
    index.initialized = true;
    store.rawIndexes.set(schema.name, index);
  }
};

export const databaseInfo = (handle: DatabaseHandle): { name: string; version: number } => {
  const { name, version } = rawDatabase(handle);
  return { name, version };
};

export const storesOf = (handle: DatabaseHandle): StoreHandle[] => Array.from(rawDatabase(handle).rawObjectStores.values(), storeHandle);

// Copies, so that a persisted schema never aliases fake-indexeddb's own arrays.
const copyKeyPath = <P extends string | string[] | null>(keyPath: P): P => (Array.isArray(keyPath) ? (keyPath.slice() as P) : keyPath);

export const storeSchema = (handle: StoreHandle): StoreSchema => {
  const store = rawStore(handle);
  return {
    name: store.name,
    keyPath: copyKeyPath(store.keyPath),
    autoIncrement: store.autoIncrement,
    keyGenerator: store.keyGenerator?.num ?? null,
    indexes: Array.from(store.rawIndexes.values())
      .filter((index) => !index.deleted)
      .map(({ name, keyPath, unique, multiEntry }) => ({ name, keyPath: copyKeyPath(keyPath), unique, multiEntry })),
  };
};

export const storeRecords = (handle: StoreHandle): Iterable<RawRecord> => rawStore(handle).records.values();

export const currentValue = (handle: StoreHandle, key: StoredKey): { value: unknown } | undefined => rawStore(handle).records.get(key);

export type RecordObserver = {
  put(key: StoredKey): void;
  deleted(keys: StoredKey[]): void;
  cleared(): void;
};

/** Reports every change to the store's records, whoever makes it (requests, cursors, rollbacks). */
export const observeRecords = (handle: StoreHandle, observer: RecordObserver): void => {
  const records = rawStore(handle).records;
  const put = records.put.bind(records);
  const remove = records.delete.bind(records);
  const clear = records.clear.bind(records);
  records.put = (record, noOverwrite) => {
    const replaced = put(record, noOverwrite);
    observer.put(record.key);
    return replaced;
  };
  records.delete = (query) => {
    const removed = remove(query);
    observer.deleted(removed.map((record) => record.key));
    return removed;
  };
  records.clear = () => {
    const removed = clear();
    observer.cleared();
    return removed;
  };
};

export type TransactionInfo = {
  readonly database: DatabaseHandle;
  readonly mode: 'readonly' | 'readwrite' | 'versionchange';
  /** The object stores in the transaction's scope. */
  readonly stores: readonly StoreHandle[];
};

export const transactionInfo = (handle: TransactionHandle): TransactionInfo => {
  const tx = handle as unknown as RawTransaction;
  const db = tx.db._rawDatabase;
  const stores = [...tx._scope].flatMap((name) => {
    const store = db.rawObjectStores.get(name);
    return store === undefined ? [] : [storeHandle(store)];
  });
  return { database: databaseHandle(db), mode: tx.mode, stores };
};
