import { encodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import { parseRecoveryKey } from './recovery-key.ts';

const key = Uint8Array.from({ length: 32 }, (_, index) => index * 7);
const encoded = encodeRecoveryKey(key) ?? '';

const codeOf = (text: string): string | undefined => {
  try {
    parseRecoveryKey(text);
    return undefined;
  } catch (error) {
    return error instanceof RembukError ? error.code : 'not a RembukError';
  }
};

describe('parseRecoveryKey', () => {
  it('decodes a recovery key as Element and Rembuk show it (groups of four)', () => {
    expect(encoded).toMatch(/^Es[1-9A-HJ-NP-Za-km-z]{2}( [1-9A-HJ-NP-Za-km-z]{4}){11}$/);
    expect(parseRecoveryKey(encoded)).toEqual(key);
  });

  it('accepts it pasted with line breaks, dashes or no spaces at all', () => {
    const compact = encoded.replaceAll(' ', '');
    expect(parseRecoveryKey(compact)).toEqual(key);
    expect(parseRecoveryKey(` ${encoded.replaceAll(' ', '\n')}\n`)).toEqual(key);
    expect(parseRecoveryKey(encoded.replaceAll(' ', '-'))).toEqual(key);
  });

  it.each([
    ['empty', '   '],
    ['not base58', 'EsT0 OOOO IIII llll'],
    ['too short', encoded.slice(0, 20)],
    ['one character changed (parity)', encoded.slice(0, -1) + (encoded.endsWith('a') ? 'b' : 'a')],
    ['a sentence', 'kunci saya ada di laci'],
  ])('refuses %s as recovery_key_invalid', (_what, text) => {
    expect(codeOf(text)).toBe('recovery_key_invalid');
  });
});
