import path from 'node:path';
import { IndexedDBStore } from 'matrix-js-sdk';
import type { ISyncResponse } from 'matrix-js-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { quietGlobalSdkLogger } from '../sdk-logging.ts';
import { useTempDir } from '../../test-support/temp-dir.ts';
import { openPersistentIdb } from '../../idb/persistent-idb.ts';
import { newStoreKey } from '../../idb/test-helpers.ts';

// matrix-js-sdk's sync store takes the factory as an option (no global needed): after a
// restart it must hand back the saved sync token, so the client resumes instead of
// starting an initial sync.

const temp = useTempDir('rembuk-idb-sync-');
beforeAll(async () => {
  await quietGlobalSdkLogger();
});

const sync = (nextBatch: string): ISyncResponse => ({
  next_batch: nextBatch,
  rooms: { join: {}, invite: {}, leave: {}, knock: {} },
  account_data: { events: [{ type: 'im.rembuk.test', content: { saved: nextBatch } }] },
});

const startStore = async (file: string, key: Uint8Array) => {
  const idb = openPersistentIdb({ file, key });
  const store = new IndexedDBStore({ indexedDB: idb.factory, dbName: 'rembuk-sync' });
  await store.startup();
  return { idb, store };
};

describe('matrix-js-sdk IndexedDBStore on the persistent IndexedDB', () => {
  it('resumes from the saved sync token after a restart', async () => {
    const file = path.join(temp.path, 'sync.sqlite');
    const key = newStoreKey();

    const first = await startStore(file, key);
    expect(await first.store.isNewlyCreated()).toBe(true);
    await first.store.setSyncData(sync('s72594_4483_1934'));
    await first.store.save(true);
    await first.store.destroy();
    first.idb.close();

    const second = await startStore(file, key);
    expect(await second.store.isNewlyCreated()).toBe(false);
    expect(await second.store.getSavedSyncToken()).toBe('s72594_4483_1934');
    const saved = await second.store.getSavedSync();
    expect(saved?.accountData).toEqual([{ type: 'im.rembuk.test', content: { saved: 's72594_4483_1934' } }]);
    second.idb.close();
  });
});
