import { describe, expect, it } from 'vitest';
import { decodeText, splitLines } from './decode-text.ts';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('decodeText', () => {
  it('drops a UTF-8 BOM, and a second one an editor may add', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x41))).toBe('A');
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41))).toBe('A');
  });

  it('turns invalid UTF-8 into U+FFFD instead of throwing', () => {
    expect(decodeText(bytes(0x41, 0xff, 0x42, 0xc3))).toBe('A\uFFFDB\uFFFD');
    // An overlong encoding and a lone surrogate (CESU) are invalid too.
    expect(decodeText(bytes(0xc0, 0xaf, 0xed, 0xa0, 0x80))).not.toContain('/');
  });

  it('keeps characters outside the BMP and NFD text as they are', () => {
    expect(decodeText(new TextEncoder().encode('Cafe\u0301 👨‍👩‍👧'))).toBe('Cafe\u0301 👨‍👩‍👧');
  });
});

describe('splitLines', () => {
  it('ends lines at CRLF, LF and a lone CR', () => {
    expect(splitLines('a\r\nb\nc\rd').lines).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps empty lines inside the text but not after the final break', () => {
    expect(splitLines('a\n\nb\n')).toEqual({ lines: ['a', '', 'b'], endsWithLineBreak: true });
    expect(splitLines('a\r\n\r\n')).toEqual({ lines: ['a', ''], endsWithLineBreak: true });
  });

  it('tells when the last line has no break', () => {
    expect(splitLines('a\nb')).toEqual({ lines: ['a', 'b'], endsWithLineBreak: false });
    expect(splitLines('')).toEqual({ lines: [], endsWithLineBreak: true });
  });
});
