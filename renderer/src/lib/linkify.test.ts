import { describe, expect, it } from 'vitest';
import { firstWebLink, linkSegments } from './linkify.ts';

describe('linkSegments', () => {
  it('finds web and matrix links and leaves sentence punctuation outside them', () => {
    expect(linkSegments('lihat https://koperasi.id/rapat. dan matrix:r/rapat:x.org!')).toEqual([
      { kind: 'text', text: 'lihat ' },
      { kind: 'link', text: 'https://koperasi.id/rapat', href: 'https://koperasi.id/rapat' },
      { kind: 'text', text: '. dan ' },
      { kind: 'link', text: 'matrix:r/rapat:x.org', href: 'matrix:r/rapat:x.org' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never turns other schemes into links', () => {
    expect(linkSegments('javascript:alert(1) file:///etc/passwd')).toEqual([{ kind: 'text', text: 'javascript:alert(1) file:///etc/passwd' }]);
  });

  it('gives the first web link for a preview', () => {
    expect(firstWebLink('matrix:u/a:x then http://a.example/x and https://b.example')).toBe('http://a.example/x');
    expect(firstWebLink('no links')).toBeNull();
  });
});
