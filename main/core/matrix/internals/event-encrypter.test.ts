import type { CryptoApi } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { RustCrypto } from 'matrix-js-sdk/lib/rust-crypto/rust-crypto.js';
import { describe, expect, it } from 'vitest';
import { isEventEncrypter } from './event-encrypter.ts';

describe('the crypto internal the import encrypts with', () => {
  it('is still there: RustCrypto.prototype.encryptEvent', () => {
    expect(typeof RustCrypto.prototype.encryptEvent, 'matrix-js-sdk 43: RustCrypto has no `encryptEvent` (the import encrypts through it)').toBe('function');
  });

  it('is recognised on the backend object and refused elsewhere', () => {
    const backend = Object.create(RustCrypto.prototype) as CryptoApi;
    expect(isEventEncrypter(backend)).toBe(true);
    expect(isEventEncrypter(undefined)).toBe(false);
    expect(isEventEncrypter({} as CryptoApi)).toBe(false);
  });
});
