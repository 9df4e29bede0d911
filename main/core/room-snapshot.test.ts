import { describe, expect, it } from 'vitest';
import { canInvite, maySendState, type RoomSnapshot, type StateEvent } from './room-snapshot.ts';

const powerLevels = (content: Record<string, unknown>): StateEvent => ({
  type: 'm.room.power_levels',
  stateKey: '',
  sender: '@a:hs',
  content,
  ts: 0,
  eventId: '$pl',
});

const room = (state: StateEvent[], myMembership: RoomSnapshot['myMembership'] = 'join'): RoomSnapshot => ({
  roomId: '!r:hs',
  name: 'R',
  myMembership,
  members: [
    { userId: '@ketua:hs', name: 'Ketua', membership: 'join', powerLevel: 100, reason: null },
    { userId: '@budi:hs', name: 'Budi', membership: 'join', powerLevel: 10, reason: null },
  ],
  state,
  encrypted: true,
  joinRule: 'invite',
});

describe('maySendState, as matrix-js-sdk decides it', () => {
  it('lets anyone send state in a room without power levels', () => {
    expect(maySendState(room([]), 'coop.rembuk.member', '@budi:hs')).toBe(true);
  });

  it('uses the event type’s level, else state_default, else 50', () => {
    expect(maySendState(room([powerLevels({ events: { 'coop.rembuk.member': 10 } })]), 'coop.rembuk.member', '@budi:hs')).toBe(true);
    expect(maySendState(room([powerLevels({ state_default: 20 })]), 'coop.rembuk.member', '@budi:hs')).toBe(false);
    expect(maySendState(room([powerLevels({})]), 'coop.rembuk.member', '@budi:hs')).toBe(false);
    expect(maySendState(room([powerLevels({})]), 'coop.rembuk.member', '@ketua:hs')).toBe(true);
  });
});

describe('canInvite, as matrix-js-sdk decides it', () => {
  it('needs us joined and the member at the invite level', () => {
    expect(canInvite(room([powerLevels({ invite: 50 })]), '@budi:hs')).toBe(false);
    expect(canInvite(room([powerLevels({ invite: 50 })]), '@ketua:hs')).toBe(true);
    expect(canInvite(room([powerLevels({})]), '@budi:hs')).toBe(true);
    expect(canInvite(room([], 'invite'), '@ketua:hs')).toBe(false);
  });
});
