import { describe, expect, it } from 'vitest';
import { roomEntry } from '../../test/fixtures.ts';
import { adjacentRoomId, matchRooms } from './room-navigation.ts';

const rooms = [
  roomEntry('!inv:x', { name: 'Undangan Koperasi', membership: 'invite' }),
  roomEntry('!a:x', { name: 'Rapat Pengurus' }),
  roomEntry('!b:x', { name: 'Koperasi Tani' }),
  roomEntry('!c:x', { name: 'Kafé Koperasi' }),
];

describe('adjacentRoomId', () => {
  it('moves down and up the list, skipping invites', () => {
    expect(adjacentRoomId(rooms, '!a:x', 1)).toBe('!b:x');
    expect(adjacentRoomId(rooms, '!b:x', -1)).toBe('!a:x');
  });

  it('stays at either end', () => {
    expect(adjacentRoomId(rooms, '!c:x', 1)).toBeNull();
    expect(adjacentRoomId(rooms, '!a:x', -1)).toBeNull();
  });

  it('starts at the top going down and at the bottom going up when none is selected', () => {
    expect(adjacentRoomId(rooms, null, 1)).toBe('!a:x');
    expect(adjacentRoomId(rooms, null, -1)).toBe('!c:x');
    expect(adjacentRoomId([], null, 1)).toBeNull();
  });
});

describe('matchRooms', () => {
  const names = (query: string): string[] => matchRooms(rooms, query).map((room) => room.name);

  it('lists every room one can open for an empty query, in the list order', () => {
    expect(names('  ')).toEqual(['Rapat Pengurus', 'Koperasi Tani', 'Kafé Koperasi']);
  });

  it('finds names holding the query in any case, starts of names first', () => {
    expect(names('KOPERASI')).toEqual(['Koperasi Tani', 'Kafé Koperasi']);
    expect(names('tani')).toEqual(['Koperasi Tani']);
  });

  it('ignores accents', () => {
    expect(names('kafe')).toEqual(['Kafé Koperasi']);
  });

  it('finds nothing for a name no room has', () => {
    expect(names('arisan')).toEqual([]);
  });
});
