import path from 'node:path';
import * as RustSdkCryptoJs from '@matrix-org/matrix-sdk-crypto-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.ts';
import { installAsGlobal } from '../../idb/install-global.ts';
import { openPersistentIdb } from '../../idb/persistent-idb.ts';
import { newStoreKey } from '../../idb/test-helpers.ts';

// The point of the whole folder: the Rust crypto's OlmMachine, on its IndexedDB store,
// is the same device after a restart. Called the way matrix-js-sdk's initRustCrypto
// does (lib/rust-crypto/index.js): initAsync, StoreHandle.openWithKey, initFromStore.

const temp = useTempDir('rembuk-idb-crypto-');
let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const PREFIX = 'matrix-js-sdk::matrix-sdk-crypto';

/** Starts the crypto on the profile's file, reads what identifies the device, and shuts everything down. */
const startDevice = async (file: string, key: Uint8Array, storeKey: Uint8Array) => {
  const idb = openPersistentIdb({ file, key });
  uninstall = installAsGlobal(idb);
  try {
    await RustSdkCryptoJs.initAsync();
    const store = await RustSdkCryptoJs.StoreHandle.openWithKey(PREFIX, storeKey);
    const machine = await RustSdkCryptoJs.OlmMachine.initFromStore(
      new RustSdkCryptoJs.UserId('@alice:example.org'),
      new RustSdkCryptoJs.DeviceId('DEVICEID'),
      store,
    );
    store.free();
    const identity = {
      curve25519: machine.identityKeys.curve25519.toBase64(),
      ed25519: machine.identityKeys.ed25519.toBase64(),
    };
    // A first start has to upload its keys; the requests are built from the stored account.
    const requests = await machine.outgoingRequests();
    machine.close();
    return { identity, pendingRequests: requests.length, databases: await idb.factory.databases() };
  } finally {
    // Let the store's last transactions settle before SQLite goes away.
    await new Promise((resolve) => setTimeout(resolve, 50));
    idb.close();
    uninstall();
    uninstall = null;
  }
};

describe('matrix-sdk-crypto-wasm on the persistent IndexedDB', () => {
  it('is the same device after a restart', async () => {
    const file = path.join(temp.path, 'crypto.sqlite');
    const key = newStoreKey();
    const storeKey = newStoreKey();

    const first = await startDevice(file, key, storeKey);
    expect(first.identity.curve25519).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(first.databases.map((db) => db.name)).toContain(`${PREFIX}::matrix-sdk-crypto`);
    expect(first.pendingRequests).toBeGreaterThan(0);

    const second = await startDevice(file, key, storeKey);
    expect(second.identity).toEqual(first.identity);
    expect(second.databases).toEqual(first.databases);

    // The control: on an empty profile the same user and device get a new identity.
    const elsewhere = await startDevice(path.join(temp.path, 'other.sqlite'), key, storeKey);
    expect(elsewhere.identity.curve25519).not.toBe(first.identity.curve25519);
  }, 30_000);

  it('restores the globals it replaced', () => {
    const before = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB');
    const idb = openPersistentIdb({ file: path.join(temp.path, 'g.sqlite'), key: newStoreKey() });
    const restore = installAsGlobal(idb);
    expect(Reflect.get(globalThis, 'indexedDB')).toBe(idb.factory);
    expect(Reflect.get(globalThis, 'IDBKeyRange')).toBe(idb.keyRange);
    expect(() => installAsGlobal(idb)).toThrow(/already installed/);
    restore();
    idb.close();
    expect(Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')).toEqual(before);
  });
});
