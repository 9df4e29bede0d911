// The IndexedDB types that main needs. main compiles without the DOM lib on purpose
// (it is not a browser), so TypeScript's own `IDBFactory` and friends do not exist here,
// and fake-indexeddb's declarations resolve to `any`. This is the subset Rembuk and its
// tests use, with the W3C names, so that switching to the DOM types later is a rename.

export type IDBValidKey = number | string | Date | ArrayBuffer | ArrayBufferView | IDBValidKey[];
export type IDBKeyPath = string | string[];
export type IDBTransactionMode = 'readonly' | 'readwrite' | 'versionchange';
export type IDBCursorDirection = 'next' | 'nextunique' | 'prev' | 'prevunique';

export type IDBEvent = {
  readonly type: string;
  readonly target: unknown;
  preventDefault(): void;
  stopPropagation(): void;
};

export type IDBVersionChangeEvent = IDBEvent & {
  readonly oldVersion: number;
  readonly newVersion: number | null;
};

type Listener<E> = ((event: E) => void) | null;

export type IDBStringList = {
  readonly length: number;
  contains(name: string): boolean;
  item(index: number): string | null;
  [Symbol.iterator](): IterableIterator<string>;
};

export type IDBKeyRange = {
  readonly lower: unknown;
  readonly upper: unknown;
  readonly lowerOpen: boolean;
  readonly upperOpen: boolean;
  includes(key: IDBValidKey): boolean;
};

export type IDBKeyRangeStatic = {
  only(value: IDBValidKey): IDBKeyRange;
  lowerBound(lower: IDBValidKey, open?: boolean): IDBKeyRange;
  upperBound(upper: IDBValidKey, open?: boolean): IDBKeyRange;
  bound(lower: IDBValidKey, upper: IDBValidKey, lowerOpen?: boolean, upperOpen?: boolean): IDBKeyRange;
};

export type IDBRequest<T = unknown> = {
  readonly result: T;
  readonly error: DOMException | null;
  readonly readyState: 'pending' | 'done';
  readonly transaction: IDBTransaction | null;
  onsuccess: Listener<IDBEvent>;
  onerror: Listener<IDBEvent>;
};

export type IDBOpenDBRequest = IDBRequest<IDBDatabase> & {
  onupgradeneeded: Listener<IDBVersionChangeEvent>;
  onblocked: Listener<IDBVersionChangeEvent>;
};

type Query = IDBValidKey | IDBKeyRange;

export type IDBCursorWithValue = {
  readonly key: IDBValidKey;
  readonly primaryKey: IDBValidKey;
  readonly value: unknown;
  continue(key?: IDBValidKey): void;
  update(value: unknown): IDBRequest<IDBValidKey>;
  delete(): IDBRequest<undefined>;
};

type Readable = {
  get(query: Query): IDBRequest;
  getKey(query: Query): IDBRequest<IDBValidKey | undefined>;
  getAll(query?: Query | null, count?: number): IDBRequest<unknown[]>;
  getAllKeys(query?: Query | null, count?: number): IDBRequest<IDBValidKey[]>;
  count(query?: Query): IDBRequest<number>;
  openCursor(query?: Query | null, direction?: IDBCursorDirection): IDBRequest<IDBCursorWithValue | null>;
};

export type IDBIndex = Readable & {
  readonly name: string;
  readonly keyPath: IDBKeyPath;
  readonly unique: boolean;
  readonly multiEntry: boolean;
};

export type IDBObjectStore = Readable & {
  /** Writable only inside a versionchange transaction (a rename). */
  name: string;
  readonly keyPath: IDBKeyPath | null;
  readonly autoIncrement: boolean;
  readonly indexNames: IDBStringList;
  put(value: unknown, key?: IDBValidKey): IDBRequest<IDBValidKey>;
  add(value: unknown, key?: IDBValidKey): IDBRequest<IDBValidKey>;
  delete(query: Query): IDBRequest<undefined>;
  clear(): IDBRequest<undefined>;
  createIndex(name: string, keyPath: IDBKeyPath, options?: { unique?: boolean; multiEntry?: boolean }): IDBIndex;
  deleteIndex(name: string): void;
  index(name: string): IDBIndex;
};

export type IDBTransaction = {
  readonly db: IDBDatabase;
  readonly mode: IDBTransactionMode;
  readonly error: DOMException | null;
  objectStore(name: string): IDBObjectStore;
  abort(): void;
  commit(): void;
  oncomplete: Listener<IDBEvent>;
  onabort: Listener<IDBEvent>;
  onerror: Listener<IDBEvent>;
};

export type IDBDatabase = {
  readonly name: string;
  readonly version: number;
  readonly objectStoreNames: IDBStringList;
  createObjectStore(name: string, options?: { keyPath?: IDBKeyPath | null; autoIncrement?: boolean }): IDBObjectStore;
  deleteObjectStore(name: string): void;
  transaction(storeNames: string | string[], mode?: IDBTransactionMode): IDBTransaction;
  close(): void;
  onversionchange: Listener<IDBVersionChangeEvent>;
};

export type IDBFactory = {
  open(name: string, version?: number): IDBOpenDBRequest;
  deleteDatabase(name: string): IDBOpenDBRequest;
  databases(): Promise<{ name: string; version: number }[]>;
  cmp(first: unknown, second: unknown): number;
};
