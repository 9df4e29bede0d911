import path from 'node:path';
import { afterEach } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { openPersistentIdb } from './persistent-idb.ts';
import type { PersistentIdb } from './persistent-idb.ts';
import { newStoreKey } from './test-helpers.ts';

/**
 * A profile folder per test with one store file; `reopen` closes the store first, as a
 * restart would. Every store opened is closed after the test.
 */
export const useProfile = (prefix: string) => {
  const temp = useTempDir(prefix);
  const opened: PersistentIdb[] = [];
  afterEach(() => {
    for (const idb of opened.splice(0)) {
      idb.close();
    }
  });
  const track = (idb: PersistentIdb): PersistentIdb => {
    opened.push(idb);
    return idb;
  };
  return {
    get dir(): string {
      return temp.path;
    },
    get file(): string {
      return path.join(temp.path, 'idb.sqlite');
    },
    open(key = newStoreKey()) {
      const file = this.file;
      let idb = track(openPersistentIdb({ file, key }));
      return {
        get idb(): PersistentIdb {
          return idb;
        },
        reopen(): PersistentIdb {
          idb.close();
          idb = track(openPersistentIdb({ file, key }));
          return idb;
        },
      };
    },
  };
};
