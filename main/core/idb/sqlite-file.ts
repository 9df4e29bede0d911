import { chmodSync, existsSync, rmSync, statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { deserialize, serialize } from 'node:v8';
import { decodeKey } from './key-codec.ts';
import type { StoredKey } from './key-codec.ts';
import type { StoreSchema } from './schema.ts';
import { WrongStoreKeyError } from './store-cipher.ts';
import type { StoreCipher } from './store-cipher.ts';

// The SQLite side: four tables, every payload sealed by the StoreCipher. It knows nothing
// about IndexedDB semantics; it stores what write-through.ts tells it to, one SQLite
// transaction per IndexedDB transaction, and hands everything back at open.

const SCHEMA = `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value ANY NOT NULL) STRICT;
  CREATE TABLE databases (id INTEGER PRIMARY KEY, sealed BLOB NOT NULL) STRICT;
  CREATE TABLE stores (id INTEGER PRIMARY KEY, database_id INTEGER NOT NULL, sealed BLOB NOT NULL) STRICT;
  CREATE TABLE records (
    store_id INTEGER NOT NULL,
    row_id BLOB NOT NULL,
    sealed BLOB NOT NULL,
    PRIMARY KEY (store_id, row_id)
  ) STRICT;
`;
const FORMAT = 1;
const KEY_CHECK = Buffer.from('rembuk persistent IndexedDB key check');

// The authenticated context of each kind of sealed blob: a row only opens where it was written.
const context = (kind: string, ...ids: (number | Uint8Array)[]): Buffer =>
  Buffer.concat([Buffer.from(kind), ...ids.map((id) => (typeof id === 'number' ? Buffer.from(String(id) + '/') : id))]);

export type DatabaseRow = { readonly id: number; readonly name: string; readonly version: number };
export type StoreRow = { readonly id: number; readonly databaseId: number; readonly schema: StoreSchema };
export type RecordRow = { readonly storeId: number; readonly key: StoredKey; readonly value: unknown };

export type WriteBatch = {
  putDatabase(id: number, name: string, version: number): void;
  deleteDatabase(id: number): void;
  putStore(id: number, databaseId: number, schema: StoreSchema): void;
  deleteStore(id: number): void;
  clearStore(id: number): void;
  putRecord(storeId: number, encodedKey: Buffer, value: unknown): void;
  deleteRecord(storeId: number, encodedKey: Buffer): void;
};

export type SqliteFile = {
  readonly databases: readonly DatabaseRow[];
  readonly stores: readonly StoreRow[];
  /** Streams every record once, decrypted; used only while restoring at open. */
  records(): Iterable<RecordRow>;
  /** A fresh id for a database or store row. */
  allocateId(): number;
  /** Runs `build` inside BEGIN IMMEDIATE … COMMIT; if it throws, nothing of it is written. */
  write(build: (batch: WriteBatch) => void): void;
  close(): void;
  sizeOnDisk(): number;
};

const sideFiles = (file: string): string[] => [`${file}-wal`, `${file}-shm`];

const fileSize = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

/**
 * Checks the key on a read-only connection before the file is opened for writing: with a
 * wrong key nothing is written (a read-only connection does not even checkpoint the WAL).
 * Returns false when there is no store in the file yet.
 */
const checkKey = (file: string, cipher: StoreCipher): boolean => {
  if (fileSize(file) === 0) {
    return false;
  }
  const createdHere = sideFiles(file).filter((side) => !existsSync(side));
  const db = new DatabaseSync(file, { readOnly: true });
  let ok = false;
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
    if (tables.length === 0) {
      // A first open that died between switching to WAL and creating the tables.
      ok = true;
      return false;
    }
    if (!tables.some((table) => table.name === 'meta')) {
      throw new Error(`${file} is not a Rembuk IndexedDB file`);
    }
    const format = db.prepare("SELECT value FROM meta WHERE name = 'format'").get()?.value;
    if (format !== FORMAT) {
      throw new Error(`${file} has format ${String(format)}; this version reads format ${String(FORMAT)}`);
    }
    const row = db.prepare("SELECT value FROM meta WHERE name = 'key_check'").get();
    const sealed = row?.value;
    if (!(sealed instanceof Uint8Array)) {
      throw new WrongStoreKeyError(file);
    }
    try {
      ok = cipher.open(sealed, context('key-check')).equals(KEY_CHECK);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new WrongStoreKeyError(file);
    }
    return true;
  } finally {
    db.close();
    // SQLite creates the -wal and -shm files even for a read-only reader; leave no trace.
    if (!ok) {
      for (const side of createdHere) {
        rmSync(side, { force: true });
      }
    }
  }
};

const create = (db: DatabaseSync, cipher: StoreCipher): void => {
  db.exec('BEGIN IMMEDIATE');
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO meta (name, value) VALUES (?, ?)');
  insert.run('format', FORMAT);
  insert.run('key_check', cipher.seal(KEY_CHECK, context('key-check')));
  db.exec('COMMIT');
};

const blob = (row: Record<string, unknown>, column: string): Uint8Array => {
  const value = row[column];
  if (!(value instanceof Uint8Array)) {
    throw new Error(`damaged row: ${column} is not a blob`);
  }
  return value;
};

const int = (row: Record<string, unknown>, column: string): number => {
  const value = row[column];
  if (typeof value !== 'number') {
    throw new Error(`damaged row: ${column} is not an integer`);
  }
  return value;
};

export const openSqliteFile = (file: string, cipher: StoreCipher): SqliteFile => {
  const exists = checkKey(file, cipher);
  const db = new DatabaseSync(file);
  if (!exists) {
    // Sealed or not, the file is nobody else's business; SQLite gives -wal and -shm the same mode.
    chmodSync(file, 0o600);
  }
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: a COMMIT has reached the disk (the WAL is fsynced) before `complete` is dispatched.
  db.exec('PRAGMA synchronous = FULL');
  if (!exists) {
    create(db, cipher);
  }

  const open = (sealed: Uint8Array, ...ctx: Parameters<typeof context>): Buffer => cipher.open(sealed, context(...ctx));
  const databases = db
    .prepare('SELECT id, sealed FROM databases')
    .all()
    .map((row): DatabaseRow => {
      const id = int(row, 'id');
      const { name, version } = deserialize(open(blob(row, 'sealed'), 'database', id)) as { name: string; version: number };
      return { id, name, version };
    });
  const stores = db
    .prepare('SELECT id, database_id, sealed FROM stores')
    .all()
    .map((row): StoreRow => {
      const id = int(row, 'id');
      const databaseId = int(row, 'database_id');
      const schema = deserialize(open(blob(row, 'sealed'), 'store', id, databaseId)) as StoreSchema;
      return { id, databaseId, schema };
    });
  let nextId = Math.max(0, ...databases.map((row) => row.id), ...stores.map((row) => row.id)) + 1;

  const statement = (sql: string): (() => StatementSync) => {
    let prepared: StatementSync | undefined;
    return () => (prepared ??= db.prepare(sql));
  };
  const sql = {
    putDatabase: statement('INSERT INTO databases (id, sealed) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed'),
    putStore: statement('INSERT INTO stores (id, database_id, sealed) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed'),
    putRecord: statement(
      'INSERT INTO records (store_id, row_id, sealed) VALUES (?, ?, ?) ON CONFLICT (store_id, row_id) DO UPDATE SET sealed = excluded.sealed',
    ),
    deleteRecord: statement('DELETE FROM records WHERE store_id = ? AND row_id = ?'),
    clearStore: statement('DELETE FROM records WHERE store_id = ?'),
    deleteStore: statement('DELETE FROM stores WHERE id = ?'),
    clearDatabase: statement('DELETE FROM records WHERE store_id IN (SELECT id FROM stores WHERE database_id = ?)'),
    deleteDatabaseStores: statement('DELETE FROM stores WHERE database_id = ?'),
    deleteDatabase: statement('DELETE FROM databases WHERE id = ?'),
  };

  const batch: WriteBatch = {
    putDatabase(id, name, version) {
      sql.putDatabase().run(id, cipher.seal(serialize({ name, version }), context('database', id)));
    },
    deleteDatabase(id) {
      sql.clearDatabase().run(id);
      sql.deleteDatabaseStores().run(id);
      sql.deleteDatabase().run(id);
    },
    putStore(id, databaseId, schema) {
      sql.putStore().run(id, databaseId, cipher.seal(serialize(schema), context('store', id, databaseId)));
    },
    deleteStore(id) {
      sql.clearStore().run(id);
      sql.deleteStore().run(id);
    },
    clearStore(id) {
      sql.clearStore().run(id);
    },
    putRecord(storeId, encodedKey, value) {
      const rowId = cipher.rowId(storeId, encodedKey);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(encodedKey.length);
      const plain = Buffer.concat([length, encodedKey, serialize(value)]);
      sql.putRecord().run(storeId, rowId, cipher.seal(plain, context('record', storeId, rowId)));
    },
    deleteRecord(storeId, encodedKey) {
      sql.deleteRecord().run(storeId, cipher.rowId(storeId, encodedKey));
    },
  };

  let closed = false;
  return {
    databases,
    stores,
    *records() {
      for (const row of db.prepare('SELECT store_id, row_id, sealed FROM records').iterate()) {
        const storeId = int(row, 'store_id');
        const plain = open(blob(row, 'sealed'), 'record', storeId, blob(row, 'row_id'));
        const keyLength = plain.readUInt32BE(0);
        yield { storeId, key: decodeKey(plain.subarray(4, 4 + keyLength)), value: deserialize(plain.subarray(4 + keyLength)) };
      }
    },
    allocateId: () => nextId++,
    write(build) {
      if (closed) {
        throw new Error('the persistent IndexedDB is closed');
      }
      db.exec('BEGIN IMMEDIATE');
      try {
        build(batch);
        db.exec('COMMIT');
      } catch (error) {
        if (db.isTransaction) {
          db.exec('ROLLBACK');
        }
        throw error;
      }
    },
    close() {
      if (!closed) {
        closed = true;
        db.close();
      }
    },
    sizeOnDisk: () => fileSize(file) + fileSize(`${file}-wal`),
  };
};
