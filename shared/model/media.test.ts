import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, requests } from '../ipc/contract.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES, base64DecodedLength } from './media.ts';

const accepts = (channel: 'upload:begin' | 'upload:chunk' | 'upload:abort', input: unknown): boolean => requests[channel].input.safeParse(input).success;
const id = 'a'.repeat(32);
// Base64 of that many zero bytes (shared has neither Buffer nor btoa).
const base64Of = (bytes: number): string => 'AAAA'.repeat(Math.floor(bytes / 3)) + ['', 'AA==', 'AAA='][bytes % 3]!;

describe('upload requests', () => {
  it('begin: a name of 1..255, a mimetype of at most 255, a size of 0..2 GiB', () => {
    expect(accepts('upload:begin', { name: 'a.jpg', mimetype: 'image/jpeg', size: 0 })).toBe(true);
    expect(accepts('upload:begin', { name: 'a', mimetype: '', size: MAX_UPLOAD_BYTES })).toBe(true);
    expect(accepts('upload:begin', { name: 'a', mimetype: '', size: MAX_UPLOAD_BYTES + 1 })).toBe(false);
    expect(accepts('upload:begin', { name: '', mimetype: '', size: 1 })).toBe(false);
    expect(accepts('upload:begin', { name: 'n'.repeat(256), mimetype: '', size: 1 })).toBe(false);
    expect(accepts('upload:begin', { name: 'a', mimetype: 'm'.repeat(256), size: 1 })).toBe(false);
    expect(accepts('upload:begin', { name: 'a', mimetype: '', size: 1.5 })).toBe(false);
    expect(accepts('upload:begin', { name: 'a', mimetype: '', size: -1 })).toBe(false);
  });

  it('chunk: base64 of at most 128 KiB at a non-negative offset', () => {
    expect(accepts('upload:chunk', { uploadId: id, offset: 0, data: base64Of(UPLOAD_CHUNK_BYTES) })).toBe(true);
    expect(accepts('upload:chunk', { uploadId: id, offset: 0, data: base64Of(UPLOAD_CHUNK_BYTES + 1) })).toBe(false);
    expect(accepts('upload:chunk', { uploadId: id, offset: 0, data: '' })).toBe(true);
    expect(accepts('upload:chunk', { uploadId: id, offset: -1, data: 'AAAA' })).toBe(false);
    expect(accepts('upload:chunk', { uploadId: id, offset: 0, data: 'AAA' })).toBe(false);
    expect(accepts('upload:chunk', { uploadId: id, offset: 0, data: 'AA-_' })).toBe(false);
    expect(accepts('upload:chunk', { uploadId: 'x', offset: 0, data: 'AAAA' })).toBe(false);
  });

  it('a full chunk request fits in MAX_REQUEST_BYTES', () => {
    const request = { uploadId: id, offset: MAX_UPLOAD_BYTES, data: base64Of(UPLOAD_CHUNK_BYTES) };
    expect(JSON.stringify(request).length).toBeLessThan(MAX_REQUEST_BYTES);
  });

  it('counts decoded bytes with padding', () => {
    expect(base64DecodedLength('')).toBe(0);
    expect(base64DecodedLength('AA==')).toBe(1);
    expect(base64DecodedLength('AAA=')).toBe(2);
    expect(base64DecodedLength('AAAA')).toBe(3);
  });

  it('abort takes only an upload id', () => {
    expect(accepts('upload:abort', { uploadId: id })).toBe(true);
    expect(accepts('upload:abort', { uploadId: id, extra: 1 })).toBe(false);
  });
});
