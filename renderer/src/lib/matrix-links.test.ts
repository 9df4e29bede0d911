import { describe, expect, it } from 'vitest';
import { parseMatrixLink } from './matrix-links.ts';

describe('parseMatrixLink', () => {
  it('reads matrix.to links to rooms, events and users', () => {
    expect(parseMatrixLink('https://matrix.to/#/#rapat:example.org')).toEqual({ kind: 'room', target: '#rapat:example.org', eventId: null });
    expect(parseMatrixLink('https://matrix.to/#/!abc:example.org/$ev1?via=example.org')).toEqual({
      kind: 'room',
      target: '!abc:example.org',
      eventId: '$ev1',
    });
    expect(parseMatrixLink('https://matrix.to/#/%40budi%3Aexample.org')).toEqual({ kind: 'user', userId: '@budi:example.org' });
  });

  it('reads matrix: URIs', () => {
    expect(parseMatrixLink('matrix:r/rapat:example.org')).toEqual({ kind: 'room', target: '#rapat:example.org', eventId: null });
    expect(parseMatrixLink('matrix:roomid/abc:example.org/e/ev1')).toEqual({ kind: 'room', target: '!abc:example.org', eventId: '$ev1' });
    expect(parseMatrixLink('matrix:u/budi:example.org?action=chat')).toEqual({ kind: 'user', userId: '@budi:example.org' });
  });

  it('leaves every other link to the browser', () => {
    expect(parseMatrixLink('https://example.org/#/@budi:example.org')).toBeNull();
    expect(parseMatrixLink('https://matrix.to/#/not-an-id')).toBeNull();
    expect(parseMatrixLink('matrix:x/y')).toBeNull();
    expect(parseMatrixLink('nonsense')).toBeNull();
  });
});
