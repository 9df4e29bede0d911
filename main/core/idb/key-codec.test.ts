import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey } from './key-codec.ts';
import type { StoredKey } from './key-codec.ts';

const binary = (...bytes: number[]): ArrayBuffer => new Uint8Array(bytes).buffer;

describe('encodeKey / decodeKey', () => {
  it('gives back every kind of key with its type', () => {
    const keys: StoredKey[] = [
      0,
      1.5,
      -1e300,
      Number.MAX_SAFE_INTEGER,
      Infinity,
      -Infinity,
      '',
      'plain',
      'emoji 🔑 and a lone surrogate \uD800 here',
      new Date(0),
      new Date(-8.64e15),
      binary(),
      binary(0, 1, 255),
      [],
      [1, '1', new Date(1), binary(1), [[2]]],
    ];
    for (const key of keys) {
      const back = decodeKey(encodeKey(key));
      expect(back).toEqual(key);
      expect(Object.prototype.toString.call(back)).toBe(Object.prototype.toString.call(key));
    }
  });

  it('gives equal keys equal bytes, and different keys different bytes', () => {
    expect(encodeKey(-0).equals(encodeKey(0))).toBe(true);
    expect(encodeKey(2 ** 31).equals(encodeKey(Number('2147483648.0')))).toBe(true);
    const distinct = [1, '1', new Date(1), binary(1), [1], [[1]], ['1']].map((key) => encodeKey(key).toString('hex'));
    expect(new Set(distinct).size).toBe(distinct.length);
  });

  it('rejects damaged bytes', () => {
    expect(() => decodeKey(Buffer.from([9]))).toThrow(/unknown key tag/);
    expect(() => decodeKey(encodeKey('abc').subarray(0, 7))).toThrow();
    expect(() => decodeKey(Buffer.concat([encodeKey(1), Buffer.from([0])]))).toThrow(/trailing/);
  });
});
