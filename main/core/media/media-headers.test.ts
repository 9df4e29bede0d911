import { describe, expect, it } from 'vitest';
import { contentDisposition, mediaHeaders, parseRange, servedType } from './media-headers.ts';

describe('servedType', () => {
  it.each(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'audio/ogg', 'audio/mpeg', 'video/mp4', 'video/webm'])('serves %s inline', (type) => {
    expect(servedType(type)).toEqual({ type, inline: true });
  });

  it('drops parameters and case', () => {
    expect(servedType('Audio/Ogg; codecs=opus')).toEqual({ type: 'audio/ogg', inline: true });
  });

  it.each([
    'text/html',
    'image/svg+xml',
    'application/pdf',
    'application/javascript',
    'text/javascript',
    'application/xhtml+xml',
    'text/xml',
    'text/plain',
    '',
    null,
    'image/svg',
    'audio/x+xml',
  ])('serves %s as an opaque download', (type) => {
    expect(servedType(type)).toEqual({ type: 'application/octet-stream', inline: false });
  });
});

describe('mediaHeaders', () => {
  it('never lets a page be cached, sniffed or run', () => {
    const headers = mediaHeaders({ mimetype: 'text/html', filename: 'x.html', size: 10, range: null });
    expect(headers).toMatchObject({
      'Content-Type': 'application/octet-stream',
      'Content-Length': '10',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    expect(headers['Content-Disposition']).toMatch(/^attachment; /);
  });

  it('shows images inline and answers ranges', () => {
    const headers = mediaHeaders({ mimetype: 'audio/ogg', filename: 'suara.ogg', size: 100, range: { start: 10, end: 19 } });
    expect(headers['Content-Disposition']).toMatch(/^inline; /);
    expect(headers['Content-Length']).toBe('10');
    expect(headers['Content-Range']).toBe('bytes 10-19/100');
  });
});

describe('contentDisposition', () => {
  it('escapes what could break the header and keeps the UTF-8 name', () => {
    expect(contentDisposition(false, 'la"po\r\nran ü.pdf')).toBe(`attachment; filename="la_po__ran _.pdf"; filename*=UTF-8''la_po__ran%20%C3%BC.pdf`);
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, null],
    ['bytes=0-9', { start: 0, end: 9 }],
    ['bytes=90-', { start: 90, end: 99 }],
    ['bytes=-10', { start: 90, end: 99 }],
    ['bytes=50-500', { start: 50, end: 99 }],
    ['bytes=100-', 'unsatisfiable'],
    ['bytes=5-2', 'unsatisfiable'],
    ['bytes=0-1,5-6', null],
    ['items=0-1', null],
  ] as const)('%s of 100 bytes → %j', (header, expected) => {
    expect(parseRange(header, 100)).toEqual(expected);
  });
});
