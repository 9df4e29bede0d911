import { describe, expect, it } from 'vitest';
import { AttachmentDecryptError, decryptAttachment, encryptAttachment, type AttachmentKeys } from './attachment-crypto.ts';

const key = (k: string): AttachmentKeys['key'] => ({ kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k, ext: true });

// Vectors of matrix-org/browser-encrypt-attachment (the reference implementation the spec grew from):
// [ciphertext, keys, plaintext], all base64.
const vectors: [string, AttachmentKeys, string][] = [
  [
    '',
    {
      v: 'v2',
      iv: 'AAAAAAAAAAAAAAAAAAAAAA',
      key: key('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      hashes: { sha256: '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' },
    },
    '',
  ],
  [
    '5xJZTt5cQicm+9f4',
    {
      v: 'v2',
      iv: '//////////8AAAAAAAAAAA',
      key: key('__________________________________________8'),
      hashes: { sha256: 'YzF08lARDdOCzJpzuSwsjTNlQc4pHxpdHcXiD/wpK6k' },
    },
    'SGVsbG8sIFdvcmxk',
  ],
  [
    'zhtFStAeFx0s+9L/sSQO+WQMtldqYEHqTxMduJrCIpnkyer09kxJJuA4K+adQE4w+7jZe/vR9kIcqj9rOhDR8Q',
    {
      v: 'v2',
      iv: '//////////8AAAAAAAAAAA',
      key: key('__________________________________________8'),
      hashes: { sha256: 'IOq7/dHHB+mfHfxlRY5XMeCWEwTPmlf4cJcgrkf6fVU' },
    },
    'YWxwaGFudW1lcmljYWxseWFscGhhbnVtZXJpY2FsbHlhbHBoYW51bWVyaWNhbGx5YWxwaGFudW1lcmljYWxseQ',
  ],
];

describe('encryptAttachment / decryptAttachment', () => {
  it('round-trips, and the ciphertext is not the plaintext', () => {
    const plain = Buffer.from('Foto rapat koperasi, Juli'.repeat(1000));
    const { data, keys } = encryptAttachment(plain);
    expect(data.length).toBe(plain.length);
    expect(data.equals(plain)).toBe(false);
    expect(decryptAttachment(data, keys).equals(plain)).toBe(true);
  });

  it('writes the spec forms: JWK A256CTR in base64url, unpadded base64 IV and hash, v2, a zero counter half', () => {
    const { keys } = encryptAttachment(Buffer.from('x'));
    expect(keys.v).toBe('v2');
    expect({ ...keys.key, k: 'k' }).toEqual({ kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: 'k', ext: true });
    expect(keys.key.k).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.iv).toMatch(/^[A-Za-z0-9+/]{22}$/);
    expect(Buffer.from(keys.iv, 'base64').subarray(8)).toEqual(Buffer.alloc(8));
    expect(keys.hashes.sha256).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });

  it('uses a fresh key and IV every time', () => {
    const a = encryptAttachment(Buffer.from('same'));
    const b = encryptAttachment(Buffer.from('same'));
    expect(a.keys.key.k).not.toBe(b.keys.key.k);
    expect(a.keys.iv).not.toBe(b.keys.iv);
  });

  it.each(vectors)('decrypts the reference vector %#', (ciphertext, keys, plaintext) => {
    expect(decryptAttachment(Buffer.from(ciphertext, 'base64'), keys).toString('base64').replace(/=+$/, '')).toBe(plaintext);
  });

  it('accepts padded base64 and the other alphabet, as some clients write them', () => {
    const [ciphertext, keys, plaintext] = vectors[1]!;
    const padded: AttachmentKeys = {
      ...keys,
      iv: `${keys.iv}==`,
      key: key('//////////////////////////////////////////8='),
      hashes: { sha256: `${keys.hashes.sha256!}=` },
    };
    expect(decryptAttachment(Buffer.from(ciphertext, 'base64'), padded).toString('base64')).toBe(plaintext);
  });

  it('refuses tampered ciphertext before decrypting', () => {
    const { data, keys } = encryptAttachment(Buffer.from('pembayaran 100.000'));
    data[3] = (data[3] ?? 0) ^ 1;
    expect(() => decryptAttachment(data, keys)).toThrow(AttachmentDecryptError);
  });

  it('refuses a missing hash, a wrong algorithm, a short key or an unknown version', () => {
    const { data, keys } = encryptAttachment(Buffer.from('abc'));
    expect(() => decryptAttachment(data, { ...keys, hashes: {} })).toThrow(AttachmentDecryptError);
    expect(() => decryptAttachment(data, { ...keys, key: { ...keys.key, alg: 'A256GCM' } })).toThrow(AttachmentDecryptError);
    expect(() => decryptAttachment(data, { ...keys, key: { ...keys.key, k: 'AAAA' } })).toThrow(AttachmentDecryptError);
    expect(() => decryptAttachment(data, { ...keys, v: 'v3' })).toThrow(AttachmentDecryptError);
    expect(() => decryptAttachment(data, { ...keys, iv: 'not base64!' })).toThrow(AttachmentDecryptError);
  });
});
