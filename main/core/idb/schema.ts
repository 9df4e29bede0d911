// What the SQLite file remembers about an object store besides its records: exactly
// what fake-indexeddb needs to rebuild it, and what changes only in a versionchange
// transaction (plus the key generator, which moves with every autoIncrement add).

export type IndexSchema = {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly unique: boolean;
  readonly multiEntry: boolean;
};

export type StoreSchema = {
  readonly name: string;
  readonly keyPath: string | string[] | null;
  readonly autoIncrement: boolean;
  /** The key generator's current number (the last key it handed out), or null without autoIncrement. */
  readonly keyGenerator: number | null;
  readonly indexes: readonly IndexSchema[];
};
