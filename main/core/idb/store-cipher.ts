import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

// Encryption at rest for the SQLite file. Everything the file holds about the data —
// database and store names, schemas, keys, values — is sealed with AES-256-GCM; only row
// numbers, sizes and the number of rows show. Two sub-keys come from the profile key by
// HKDF so that the encryption key is never also used as a MAC key.

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 1;

/** The file was written with another key (or its key-check record is damaged). Nothing was written. */
export class WrongStoreKeyError extends Error {
  override readonly name = 'WrongStoreKeyError';

  constructor(file: string) {
    super(`${file} cannot be opened with this key`);
  }
}

export type StoreCipher = {
  /**
   * `context` is authenticated but not stored: it binds a sealed blob to its row, so that
   * rows cannot be swapped or moved between stores without the open failing.
   */
  seal(plain: Uint8Array, context: Uint8Array): Buffer;
  open(sealed: Uint8Array, context: Uint8Array): Buffer;
  /** A keyed hash naming a record's row, so a key can be found without storing it in the clear. */
  rowId(storeId: number, encodedKey: Uint8Array): Buffer;
};

const subKey = (key: Uint8Array, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `rembuk-idb/v1/${purpose}`, KEY_BYTES));

export const createStoreCipher = (key: Uint8Array): StoreCipher => {
  if (key.length !== KEY_BYTES) {
    throw new RangeError(`the store key must be ${String(KEY_BYTES)} bytes, got ${String(key.length)}`);
  }
  const sealKey = subKey(key, 'seal');
  const rowKey = subKey(key, 'row-id');
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', sealKey, iv);
      cipher.setAAD(context);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, context) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) {
        throw new Error('sealed blob has an unknown format');
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', sealKey, iv);
      decipher.setAAD(context);
      decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
    rowId(storeId, encodedKey) {
      const store = Buffer.alloc(8);
      store.writeBigUInt64BE(BigInt(storeId));
      return createHmac('sha256', rowKey).update(store).update(encodedKey).digest();
    },
  };
};
