import { describe, expect, it } from 'vitest';
import { matrixToLink, parseRoomLink, serverNameOf } from './import-room.ts';

describe('room links', () => {
  it('makes a matrix.to link with the room ID encoded and a via server', () => {
    expect(matrixToLink('!AbC:koperasi.example', 'koperasi.example')).toBe('https://matrix.to/#/!AbC%3Akoperasi.example?via=koperasi.example');
    expect(serverNameOf('@budi:localhost:8448')).toBe('localhost:8448');
  });

  it('reads back what it makes, encoded or not, and bare IDs and aliases', () => {
    expect(parseRoomLink(matrixToLink('!AbC:hs.example', 'hs.example'))).toEqual({ room: '!AbC:hs.example', via: ['hs.example'] });
    expect(parseRoomLink('https://matrix.to/#/!AbC:hs.example?via=a.example&via=b.example')).toEqual({
      room: '!AbC:hs.example',
      via: ['a.example', 'b.example'],
    });
    expect(parseRoomLink('  #tani:hs.example ')).toEqual({ room: '#tani:hs.example', via: ['hs.example'] });
    // Room version 12 room IDs carry no server name.
    expect(parseRoomLink(matrixToLink('!2-MG-SPx1f5cFXLphJ65asL8Pk4N', 'hs.example'))).toEqual({ room: '!2-MG-SPx1f5cFXLphJ65asL8Pk4N', via: ['hs.example'] });
  });

  it('refuses anything else', () => {
    expect(parseRoomLink('https://example.com/#/!AbC:hs')).toBeNull();
    expect(parseRoomLink('https://matrix.to/#/@budi:hs')).toBeNull();
    expect(parseRoomLink('https://matrix.to/#/#noserver')).toBeNull();
    expect(parseRoomLink('https://matrix.to/#/%E0%A4%A')).toBeNull();
    expect(parseRoomLink('halo')).toBeNull();
    expect(parseRoomLink('https://matrix.to/#/!a:hs?via=evil/../x')).toEqual({ room: '!a:hs', via: ['hs'] });
  });
});
