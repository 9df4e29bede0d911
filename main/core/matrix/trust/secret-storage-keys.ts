import type { CryptoCallbacks } from 'matrix-js-sdk/lib/crypto-api/index.js';

/**
 * The secret storage key (the key a recovery key encodes), held in memory only while an
 * operation needs it: matrix-js-sdk asks `getSecretStorageKey` several times in a row
 * during setup and restore, and main has no member to prompt. Outside those moments
 * there is nothing here, so any other read of secret storage fails rather than waits.
 */
export class SecretStorageKeys {
  private held: { keyId: string; key: Uint8Array<ArrayBuffer> } | null = null;

  /** For `createClient({ cryptoCallbacks })`: the SDK's secret storage and Rust crypto both read these. */
  readonly callbacks: CryptoCallbacks = {
    getSecretStorageKey: ({ keys }) => {
      const held = this.held;
      return Promise.resolve(held !== null && Object.hasOwn(keys, held.keyId) ? [held.keyId, held.key] : null);
    },
    // bootstrapSecretStorage hands over the key it just made, to store the secrets with it.
    cacheSecretStorageKey: (keyId, _keyInfo, key) => {
      this.held = { keyId, key };
    },
  };

  hold(keyId: string, key: Uint8Array<ArrayBuffer>): void {
    this.held = { keyId, key };
  }

  /** Drops the key and overwrites our copy of its bytes. */
  forget(): void {
    this.held?.key.fill(0);
    this.held = null;
  }

  get holding(): boolean {
    return this.held !== null;
  }
}
