import { currentValue, databaseInfo, observeRecords, storeRecords, storeSchema, storesOf, transactionInfo } from '../matrix/internals/fake-idb-internals.ts';
import type { DatabaseHandle, FactoryHooks, StoreHandle } from '../matrix/internals/fake-idb-internals.ts';
import { encodeKey } from './key-codec.ts';
import type { StoredKey } from './key-codec.ts';
import type { SqliteFile, WriteBatch } from './sqlite-file.ts';

// Decides what each committing transaction writes to SQLite.
//
// Records: every persisted object store keeps the set of keys touched since its last
// commit ("dirty"), fed by the record tree itself. At commit the *current* in-memory
// value of each dirty key is written (or the row deleted). Writing current values rather
// than replaying operations is what makes this simple and safe:
// - readwrite transactions whose scopes overlap never run at the same time, so when a
//   transaction commits, the dirty keys of the stores in its scope are its own changes,
//   plus keys of earlier aborted transactions — which hold their committed value again
//   after the rollback, so rewriting them is merely redundant;
// - hence an abort needs no bookkeeping at all, and a failed write (which aborts) neither.
// Schema: a versionchange transaction rewrites the database row and compares every store
// with what was persisted: new stores are written whole, vanished ones deleted.

type DirtyKey = { readonly key: StoredKey; readonly encoded: Buffer };

type StoreState = {
  readonly id: number;
  /** Keyed by the encoded key, so equal keys of different object identity count once. */
  readonly dirty: Map<string, DirtyKey>;
  /** clear() ran: delete every row first; every record in the store since then is dirty. */
  cleared: boolean;
  /** The persisted schema as JSON, to notice renames, index changes and key generator moves. */
  schema: string;
};

type DatabaseState = { readonly id: number; readonly stores: Map<StoreHandle, StoreState> };

export type WriteThrough = FactoryHooks & {
  /** Takes over a database restored from the file: its rows exist, its stores are now watched. */
  adopt(database: DatabaseHandle, id: number, stores: readonly { handle: StoreHandle; id: number }[]): void;
};

const schemaJson = (store: StoreHandle): string => JSON.stringify(storeSchema(store));

const watch = (store: StoreHandle, id: number): StoreState => {
  const state: StoreState = { id, dirty: new Map(), cleared: false, schema: schemaJson(store) };
  const touch = (key: StoredKey): void => {
    const encoded = encodeKey(key);
    state.dirty.set(encoded.toString('latin1'), { key, encoded });
  };
  observeRecords(store, {
    put: touch,
    deleted: (keys) => {
      keys.forEach(touch);
    },
    cleared: () => {
      state.dirty.clear();
      state.cleared = true;
    },
  });
  return state;
};

export const createWriteThrough = (file: SqliteFile): WriteThrough => {
  const databases = new WeakMap<DatabaseHandle, DatabaseState>();

  const flushStore = (batch: WriteBatch, databaseId: number, store: StoreHandle, state: StoreState, after: (() => void)[]): void => {
    if (state.cleared) {
      batch.clearStore(state.id);
    }
    for (const { key, encoded } of state.dirty.values()) {
      const current = currentValue(store, key);
      if (current !== undefined) {
        batch.putRecord(state.id, encoded, current.value);
      } else if (!state.cleared) {
        batch.deleteRecord(state.id, encoded);
      }
    }
    const schema = schemaJson(store);
    if (schema !== state.schema) {
      batch.putStore(state.id, databaseId, storeSchema(store));
    }
    after.push(() => {
      state.dirty.clear();
      state.cleared = false;
      state.schema = schema;
    });
  };

  const flushUpgrade = (batch: WriteBatch, database: DatabaseHandle, after: (() => void)[]): void => {
    const known = databases.get(database);
    const state: DatabaseState = known ?? { id: file.allocateId(), stores: new Map() };
    const { name, version } = databaseInfo(database);
    batch.putDatabase(state.id, name, version);
    const current = storesOf(database);
    for (const [store, storeState] of state.stores) {
      if (!current.includes(store)) {
        batch.deleteStore(storeState.id);
        after.push(() => state.stores.delete(store));
      }
    }
    for (const store of current) {
      const storeState = state.stores.get(store);
      if (storeState !== undefined) {
        flushStore(batch, state.id, store, storeState, after);
        continue;
      }
      // Created in this transaction: nothing watched it yet, so write it whole.
      const id = file.allocateId();
      batch.putStore(id, state.id, storeSchema(store));
      for (const record of storeRecords(store)) {
        batch.putRecord(id, encodeKey(record.key), record.value);
      }
      after.push(() => state.stores.set(store, watch(store, id)));
    }
    if (known === undefined) {
      after.push(() => databases.set(database, state));
    }
  };

  const commit = (write: (batch: WriteBatch, after: (() => void)[]) => void): void => {
    const after: (() => void)[] = [];
    file.write((batch) => {
      write(batch, after);
    });
    // Only once SQLite has committed does memory count as persisted.
    for (const step of after) {
      step();
    }
  };

  return {
    adopt(database, id, stores) {
      databases.set(database, { id, stores: new Map(stores.map((store) => [store.handle, watch(store.handle, store.id)])) });
    },

    beforeComplete(transaction) {
      const { database, mode, stores } = transactionInfo(transaction);
      if (mode === 'readonly') {
        return;
      }
      if (mode === 'versionchange') {
        commit((batch, after) => {
          flushUpgrade(batch, database, after);
        });
        return;
      }
      const state = databases.get(database);
      const changed = stores.flatMap((store) => {
        const storeState = state?.stores.get(store);
        if (state === undefined || storeState === undefined) {
          throw new Error('a readwrite transaction touched an object store that was never persisted');
        }
        return storeState.cleared || storeState.dirty.size > 0 || schemaJson(store) !== storeState.schema ? [{ store, storeState, databaseId: state.id }] : [];
      });
      if (changed.length === 0) {
        return;
      }
      commit((batch, after) => {
        for (const { store, storeState, databaseId } of changed) {
          flushStore(batch, databaseId, store, storeState, after);
        }
      });
    },

    beforeDelete(database) {
      const state = databases.get(database);
      if (state === undefined) {
        return;
      }
      commit((batch, after) => {
        batch.deleteDatabase(state.id);
        after.push(() => databases.delete(database));
      });
    },
  };
};
