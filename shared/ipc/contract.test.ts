import { describe, expect, it } from 'vitest';
import type { RoomListEntry } from '../model/room.ts';
import type { TimelineItem } from '../model/timeline.ts';
import { MAX_MESSAGE_LENGTH, events, isEventChannel, isRequestChannel, requests, type EventChannel, type RequestChannel } from './contract.ts';

const accepts = (channel: RequestChannel, input: unknown): boolean => requests[channel].input.safeParse(input).success;
const eventAccepts = (channel: EventChannel, payload: unknown): boolean => events[channel].safeParse(payload).success;

const signIn = { homeserverUrl: 'example.org', username: 'alice', password: 'hunter2' };

describe('session:signIn input', () => {
  it('accepts a complete sign-in', () => {
    expect(accepts('session:signIn', signIn)).toBe(true);
  });

  it.each(['homeserverUrl', 'username', 'password'] as const)('rejects an empty %s', (field) => {
    expect(accepts('session:signIn', { ...signIn, [field]: '' })).toBe(false);
  });

  it.each(['homeserverUrl', 'username'] as const)('rejects a %s of only spaces (it is trimmed first)', (field) => {
    expect(accepts('session:signIn', { ...signIn, [field]: '   ' })).toBe(false);
  });

  it('accepts a 1024-character password and rejects a longer one', () => {
    expect(accepts('session:signIn', { ...signIn, password: 'p'.repeat(1024) })).toBe(true);
    expect(accepts('session:signIn', { ...signIn, password: 'p'.repeat(1025) })).toBe(false);
  });

  it('rejects a missing field and an extra one', () => {
    expect(accepts('session:signIn', { homeserverUrl: 'example.org', username: 'alice' })).toBe(false);
    expect(accepts('session:signIn', { ...signIn, remember: true })).toBe(false);
  });
});

describe('Matrix user IDs (room:createDirect, room:invite)', () => {
  it.each(['@alice:example.org', '@bob:localhost:8448', '@a.b_c=d-e/f+g:matrix.example.org', '@0:127.0.0.1'])('accepts %s', (userId) => {
    expect(accepts('room:createDirect', { userId })).toBe(true);
    expect(accepts('room:invite', { roomId: '!room:example.org', userId })).toBe(true);
  });

  it.each([
    ['no sigil or server', 'alice'],
    ['no server', '@alice'],
    ['an empty localpart', '@:example.org'],
    ['an empty server', '@alice:'],
    ['an uppercase localpart (the spec allows lowercase only)', '@Alice:example.org'],
    ['a space in the server name', '@a:b c'],
    ['a space in the localpart', '@al ice:example.org'],
    ['a room sigil', '!alice:example.org'],
    ['a six-digit port', '@alice:example.org:123456'],
    ['an overlong ID', `@${'a'.repeat(250)}:example.org`],
  ])('rejects %s', (_label, userId) => {
    expect(accepts('room:createDirect', { userId })).toBe(false);
    expect(accepts('room:invite', { roomId: '!room:example.org', userId })).toBe(false);
  });

  it('trims surrounding spaces before checking', () => {
    const parsed = requests['room:createDirect'].input.parse({ userId: '  @alice:example.org\n' });
    expect(parsed.userId).toBe('@alice:example.org');
  });

  it('room:invite requires a room ID starting with !', () => {
    expect(accepts('room:invite', { roomId: '#alias:example.org', userId: '@alice:example.org' })).toBe(false);
  });
});

describe('room:create input', () => {
  it('defaults invite to an empty list and trims the name', () => {
    expect(requests['room:create'].input.parse({ name: ' Team ' })).toEqual({ name: 'Team', invite: [] });
  });

  it('rejects a blank name, a name over 255 characters, or more than 50 invitees', () => {
    expect(accepts('room:create', { name: '  ' })).toBe(false);
    expect(accepts('room:create', { name: 'n'.repeat(256) })).toBe(false);
    const invite = Array.from({ length: 51 }, (_, i) => `@u${String(i)}:example.org`);
    expect(accepts('room:create', { name: 'Team', invite: invite.slice(0, 50) })).toBe(true);
    expect(accepts('room:create', { name: 'Team', invite })).toBe(false);
  });
});

describe('message:send and draft:set input', () => {
  const roomId = '!room:example.org';

  it('accepts a body up to MAX_MESSAGE_LENGTH', () => {
    expect(accepts('message:send', { roomId, body: 'hi' })).toBe(true);
    expect(accepts('message:send', { roomId, body: 'x'.repeat(MAX_MESSAGE_LENGTH) })).toBe(true);
  });

  it('rejects an empty body or a body over MAX_MESSAGE_LENGTH', () => {
    expect(accepts('message:send', { roomId, body: '' })).toBe(false);
    expect(accepts('message:send', { roomId, body: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) })).toBe(false);
  });

  it.each(['room:example.org', '#alias:example.org', '!', ''])('rejects the room ID %j', (badRoom) => {
    expect(accepts('message:send', { roomId: badRoom, body: 'hi' })).toBe(false);
  });

  it('draft:set allows empty text (clearing a draft) but not more than a message can hold', () => {
    expect(accepts('draft:set', { roomId, text: '' })).toBe(true);
    expect(accepts('draft:set', { roomId, text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) })).toBe(false);
  });
});

describe('other request inputs', () => {
  it('settings:setLanguage accepts a known language or null only', () => {
    expect(accepts('settings:setLanguage', { language: 'id' })).toBe(true);
    expect(accepts('settings:setLanguage', { language: null })).toBe(true);
    expect(accepts('settings:setLanguage', { language: 'fr' })).toBe(false);
    expect(accepts('settings:setLanguage', {})).toBe(false);
  });

  it('stream:resync wants a subscription id of 1..64 characters', () => {
    expect(accepts('stream:resync', { subscription: 's' })).toBe(true);
    expect(accepts('stream:resync', { subscription: '' })).toBe(false);
    expect(accepts('stream:resync', { subscription: 's'.repeat(65) })).toBe(false);
  });

  it('empty inputs accept only {}', () => {
    expect(accepts('session:get', {})).toBe(true);
    expect(accepts('session:get', { x: 1 })).toBe(false);
  });
});

describe('channel guards', () => {
  it('know only the contract’s own channels', () => {
    expect(isRequestChannel('message:send')).toBe(true);
    expect(isRequestChannel('rooms:batch')).toBe(false);
    expect(isRequestChannel('__proto__')).toBe(false);
    expect(isEventChannel('rooms:batch')).toBe(true);
    expect(isEventChannel('toString')).toBe(false);
  });
});

const room: RoomListEntry = {
  id: '!room:example.org',
  name: 'Team',
  initials: 'T',
  membership: 'join',
  isDirect: false,
  preview: { sender: 'Alice', body: 'hi', own: false },
  unread: 2,
  highlight: 0,
  lastActivity: 1_700_000_000_000,
  inviter: null,
  encrypted: true,
};

const message: TimelineItem = {
  id: 'item-1',
  eventId: '$e1',
  sender: '@alice:example.org',
  senderName: 'Alice',
  own: false,
  ts: 1_700_000_000_000,
  kind: 'message',
  msgtype: 'text',
  body: 'hello',
  html: null,
  sendState: 'sent',
  edited: false,
};

describe('event payloads', () => {
  it.each([{ state: 'signedOut' }, { state: 'starting' }, { state: 'syncing', roomsLoaded: 3 }, { state: 'online' }, { state: 'offline', since: 5 }])(
    'connection:changed accepts %j',
    (payload) => {
      expect(eventAccepts('connection:changed', payload)).toBe(true);
    },
  );

  it('connection:changed rejects an unknown state', () => {
    expect(eventAccepts('connection:changed', { state: 'dreaming' })).toBe(false);
  });

  it('session:changed accepts a session view or null', () => {
    const view = { userId: '@alice:example.org', deviceId: 'DEV', homeserverUrl: 'https://example.org', displayName: 'Alice' };
    expect(eventAccepts('session:changed', view)).toBe(true);
    expect(eventAccepts('session:changed', null)).toBe(true);
    expect(eventAccepts('session:changed', { userId: '@alice:example.org' })).toBe(false);
  });

  it('rooms:batch accepts every op kind', () => {
    const batch = {
      subscription: 's1',
      seq: 0,
      ops: [
        { op: 'reset', values: [room] },
        { op: 'append', values: [{ ...room, id: '!b:x' }] },
        { op: 'insert', index: 0, value: { ...room, id: '!c:x', membership: 'invite', inviter: '@bob:x', preview: null } },
        { op: 'set', index: 1, value: { ...room, unread: 0 } },
        { op: 'remove', index: 2 },
      ],
    };
    expect(eventAccepts('rooms:batch', batch)).toBe(true);
  });

  it('timeline:batch accepts timeline items', () => {
    const membership = { ...message, id: 'item-2', kind: 'membership', change: 'joined', target: '@bob:x' };
    const window = { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null };
    expect(eventAccepts('timeline:batch', { subscription: 's2', seq: 4, ops: [{ op: 'append', values: [message, membership] }], window })).toBe(true);
    // Every timeline batch says where its window sits.
    expect(eventAccepts('timeline:batch', { subscription: 's2', seq: 4, ops: [] })).toBe(false);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a negative seq', { seq: -1 }],
    ['a fractional seq', { seq: 1.5 }],
    ['an unknown op', { ops: [{ op: 'move', from: 0, to: 1 }] }],
    ['a negative index', { ops: [{ op: 'remove', index: -1 }] }],
    ['an item of the wrong shape', { ops: [{ op: 'append', values: [{ id: '!a:x' }] }] }],
  ])('rooms:batch rejects %s', (_label, change) => {
    const batch = { subscription: 's1', seq: 1, ops: [{ op: 'remove', index: 0 }], ...change };
    expect(eventAccepts('rooms:batch', batch)).toBe(false);
  });

  it('timeline:batch rejects an unknown item kind', () => {
    const odd = { ...message, kind: 'poll' };
    expect(eventAccepts('timeline:batch', { subscription: 's2', seq: 0, ops: [{ op: 'reset', values: [odd] }] })).toBe(false);
  });
});

describe('inputs a member could not mean', () => {
  it('refuses a message of only white space', () => {
    expect(requests['message:send'].input.safeParse({ roomId: '!r:example.org', body: ' \n\t ' }).success).toBe(false);
    expect(requests['message:send'].input.safeParse({ roomId: '!r:example.org', body: ' hai ' }).success).toBe(true);
  });

  it('accepts server names that are IPv6 literals, as the spec grammar does', () => {
    expect(requests['room:invite'].input.safeParse({ roomId: '!r:example.org', userId: '@alice:[::1]:8448' }).success).toBe(true);
    expect(requests['room:invite'].input.safeParse({ roomId: '!r:example.org', userId: '@alice:[2001:db8::1]' }).success).toBe(true);
    expect(requests['room:invite'].input.safeParse({ roomId: '!r:example.org', userId: '@alice:[::1' }).success).toBe(false);
  });
});

describe('trust and recovery', () => {
  it('takes a recovery key as typed (trimmed), and refuses an empty or absurdly long one', () => {
    expect(requests['security:restore'].input.parse({ recoveryKey: '  EsTx 1234  ' })).toEqual({ recoveryKey: 'EsTx 1234' });
    expect(accepts('security:restore', { recoveryKey: '   ' })).toBe(false);
    expect(accepts('security:restore', { recoveryKey: 'x'.repeat(201) })).toBe(false);
    expect(accepts('security:restore', { recoveryKey: 'EsTx', extra: 1 })).toBe(false);
  });

  it('sets up with or without a password, never an empty one', () => {
    expect(accepts('security:setUp', {})).toBe(true);
    expect(accepts('security:setUp', { password: 'rahasia' })).toBe(true);
    expect(accepts('security:setUp', { password: '' })).toBe(false);
  });

  it('acts on verifications by an id, and asks members by a valid Matrix ID in a room', () => {
    expect(accepts('verification:confirm', { id: 'verification-1' })).toBe(true);
    expect(accepts('verification:confirm', { id: '' })).toBe(false);
    expect(accepts('verification:requestUser', { userId: '@sari:example.org', roomId: '!r:example.org' })).toBe(true);
    expect(accepts('verification:requestUser', { userId: 'sari', roomId: '!r:example.org' })).toBe(false);
  });

  it('streams emoji verifications with known translation keys or none', () => {
    const base = { id: 'v1', phase: 'showingSas', initiatedByMe: true, otherUserId: '@a:x', otherDeviceId: null, selfVerification: true, cancelReason: null };
    expect(eventAccepts('verification:changed', [{ ...base, emoji: [{ symbol: '🐶', name: 'Dog', key: 'dog' }] }])).toBe(true);
    expect(eventAccepts('verification:changed', [{ ...base, emoji: [{ symbol: '🦖', name: 'Dinosaur', key: null }] }])).toBe(true);
    expect(eventAccepts('verification:changed', [{ ...base, emoji: [{ symbol: '🦖', name: 'Dinosaur', key: 'dinosaur' }] }])).toBe(false);
  });
});
