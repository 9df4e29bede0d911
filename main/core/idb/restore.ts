import { restoreIndexes, restoreRecord, restoreStore } from '../matrix/internals/fake-idb-internals.ts';
import type { DatabaseHandle, StoreHandle } from '../matrix/internals/fake-idb-internals.ts';
import type { SqliteFile } from './sqlite-file.ts';
import type { WriteThrough } from './write-through.ts';

// Rebuilds the whole in-memory state from the file at open: databases and versions,
// object stores with their key generators, all records, then the indexes (derived from
// the records, so they are not stored). fake-indexeddb keeps its own order in memory,
// which is why SQLite never needs to sort keys.

export const restoreAll = (file: SqliteFile, restoreDatabase: (name: string, version: number) => DatabaseHandle, writeThrough: WriteThrough): void => {
  const databases = new Map(
    file.databases.map((row) => [row.id, { handle: restoreDatabase(row.name, row.version), stores: [] as { handle: StoreHandle; id: number }[] }]),
  );
  const stores = new Map<number, StoreHandle>();
  for (const row of file.stores) {
    const database = databases.get(row.databaseId);
    if (database === undefined) {
      throw new Error(`damaged file: object store ${String(row.id)} belongs to no database`);
    }
    const handle = restoreStore(database.handle, row.schema);
    stores.set(row.id, handle);
    database.stores.push({ handle, id: row.id });
  }
  for (const record of file.records()) {
    const store = stores.get(record.storeId);
    if (store === undefined) {
      throw new Error(`damaged file: a record belongs to no object store (${String(record.storeId)})`);
    }
    restoreRecord(store, record.key, record.value);
  }
  for (const row of file.stores) {
    const store = stores.get(row.id);
    if (store !== undefined) {
      restoreIndexes(store, row.schema.indexes);
    }
  }
  // Watching starts only now, so that the restore itself is not taken for changes.
  for (const [id, database] of databases) {
    writeThrough.adopt(database.handle, id, database.stores);
  }
};
