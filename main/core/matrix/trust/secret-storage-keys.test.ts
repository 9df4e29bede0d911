import { describe, expect, it } from 'vitest';
import type { SecretStorageKeyDescription } from 'matrix-js-sdk/lib/secret-storage.js';
import { SecretStorageKeys } from './secret-storage-keys.ts';

const description = {} as SecretStorageKeyDescription;

describe('SecretStorageKeys', () => {
  it('has nothing to give outside setup and restore', async () => {
    const keys = new SecretStorageKeys();
    expect(await keys.callbacks.getSecretStorageKey?.({ keys: { abc: description } }, 'm.cross_signing.master')).toBeNull();
  });

  it('gives the held key only when the SDK asks for that key id', async () => {
    const keys = new SecretStorageKeys();
    const key = new Uint8Array([1, 2, 3]);
    keys.hold('abc', key);
    expect(await keys.callbacks.getSecretStorageKey?.({ keys: { abc: description } }, 'm.megolm_backup.v1')).toEqual(['abc', key]);
    expect(await keys.callbacks.getSecretStorageKey?.({ keys: { other: description } }, 'm.megolm_backup.v1')).toBeNull();
  });

  it('keeps the key bootstrapSecretStorage just made, and wipes it when forgotten', async () => {
    const keys = new SecretStorageKeys();
    const key = new Uint8Array([9, 9, 9]);
    keys.callbacks.cacheSecretStorageKey?.('new', description, key);
    expect(keys.holding).toBe(true);
    keys.forget();
    expect(keys.holding).toBe(false);
    expect([...key]).toEqual([0, 0, 0]);
    expect(await keys.callbacks.getSecretStorageKey?.({ keys: { new: description } }, 'm.cross_signing.master')).toBeNull();
  });
});
