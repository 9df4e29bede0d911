import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * An encrypted attachment as the spec's "Sending encrypted attachments" writes it into an
 * event (`file`, `info.thumbnail_file`): the mxc URL of the ciphertext, its AES-CTR key as
 * a JWK, the counter block, the ciphertext's hashes (`sha256`) and the version. Rembuk's
 * own schema: media-item.ts checks what other clients wrote against it, and media never
 * reaches into matrix-js-sdk's internals for the type.
 */
export const encryptedFileSchema = z.object({
  url: z.string(),
  key: z.object({ kty: z.string(), key_ops: z.array(z.string()), alg: z.string(), k: z.string(), ext: z.boolean() }),
  iv: z.string(),
  hashes: z.record(z.string(), z.string()),
  v: z.string(),
});

export type EncryptedFile = z.infer<typeof encryptedFileSchema>;

/** An EncryptedFile before its ciphertext has an mxc URL. */
export type AttachmentKeys = Omit<EncryptedFile, 'url'>;

/** The attachment could not be decrypted: a wrong hash, a malformed key or IV, an unknown version. */
export class AttachmentDecryptError extends Error {
  override readonly name = 'AttachmentDecryptError';
}

const unpadded = (base64: string): string => base64.replace(/=+$/, '');

/**
 * Decodes base64 the way other clients write it: the spec says unpadded standard base64
 * (and base64url for the JWK), but padded forms and the other alphabet occur in the wild.
 */
export const decodeLenientBase64 = (text: string): Buffer => {
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(text)) {
    throw new AttachmentDecryptError('not base64');
  }
  return Buffer.from(unpadded(text).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
};

/**
 * Encrypts an attachment as the spec's "Sending encrypted attachments" says: AES-CTR with a
 * fresh 256-bit key, a 128-bit counter block whose first 64 bits are random and whose
 * counter half starts at zero (so it cannot wrap within any file), and the SHA-256 of the
 * ciphertext so that a receiver can check it before decrypting.
 */
export const encryptAttachment = (plain: Buffer): { data: Buffer; keys: AttachmentKeys } => {
  const key = randomBytes(32);
  const iv = Buffer.concat([randomBytes(8), Buffer.alloc(8)]);
  const cipher = createCipheriv('aes-256-ctr', key, iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    data,
    keys: {
      v: 'v2',
      key: { kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: key.toString('base64url'), ext: true },
      iv: unpadded(iv.toString('base64')),
      hashes: { sha256: unpadded(createHash('sha256').update(data).digest('base64')) },
    },
  };
};

/** Checks the ciphertext's SHA-256 first, then decrypts; throws AttachmentDecryptError on any mismatch. */
export const decryptAttachment = (ciphertext: Buffer, file: AttachmentKeys): Buffer => {
  const decipher = attachmentDecipher(file);
  const expected = expectedHash(file);
  const actual = createHash('sha256').update(ciphertext).digest();
  if (!timingSafeEqual(expected, actual)) {
    throw new AttachmentDecryptError('the attachment does not match its hash');
  }
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
};

/** The SHA-256 the sender recorded, decoded; the hash a download must match. */
export const expectedHash = (file: AttachmentKeys): Buffer => {
  const hash = (file.hashes as Partial<Record<string, string>>).sha256;
  if (typeof hash !== 'string') {
    throw new AttachmentDecryptError('the attachment has no SHA-256 hash');
  }
  const decoded = decodeLenientBase64(hash);
  if (decoded.length !== 32) {
    throw new AttachmentDecryptError('the SHA-256 hash has the wrong length');
  }
  return decoded;
};

/** A decipher for the attachment (for streaming: check `expectedHash` over the whole ciphertext before trusting the output). */
export const attachmentDecipher = (file: AttachmentKeys): ReturnType<typeof createDecipheriv> => {
  // v1 (older clients) differs only in allowing a fully random IV, which CTR handles the same.
  if (file.v !== 'v2' && file.v !== 'v1') {
    throw new AttachmentDecryptError(`unknown attachment version ${file.v}`);
  }
  if (file.key.kty !== 'oct' || file.key.alg !== 'A256CTR') {
    throw new AttachmentDecryptError('the attachment key is not an A256CTR key');
  }
  const key = decodeLenientBase64(file.key.k);
  const iv = decodeLenientBase64(file.iv);
  if (key.length !== 32 || iv.length !== 16) {
    throw new AttachmentDecryptError('the attachment key or IV has the wrong length');
  }
  return createDecipheriv('aes-256-ctr', key, iv);
};
