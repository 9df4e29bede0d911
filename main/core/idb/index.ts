export { openPersistentIdb } from './persistent-idb.ts';
export type { PersistentIdb, PersistentIdbOptions } from './persistent-idb.ts';
export { installAsGlobal } from './install-global.ts';
export { WrongStoreKeyError } from './store-cipher.ts';
export type { IDBFactory, IDBKeyRangeStatic } from './idb-types.ts';
