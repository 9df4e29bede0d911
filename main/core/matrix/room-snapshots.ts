import { EventTimeline, EventType, type MatrixEvent, type Room, type RoomMember } from 'matrix-js-sdk';
import type { Membership, RoomSnapshot, SnapshotMember, StateEvent } from '../room-snapshot.ts';

const MEMBERSHIPS: readonly Membership[] = ['join', 'invite', 'leave', 'ban', 'knock'];

const membershipOf = (value: string | undefined): Membership | null => MEMBERSHIPS.find((known) => known === value) ?? null;

export const stateEventOf = (event: MatrixEvent): StateEvent => ({
  type: event.getType(),
  stateKey: event.getStateKey() ?? '',
  sender: event.getSender() ?? '',
  content: event.getContent(),
  ts: event.getTs(),
  eventId: event.getId() ?? '',
});

const memberOf = (member: RoomMember): SnapshotMember => {
  const reason: unknown = member.events.member?.getContent().reason;
  return {
    userId: member.userId,
    name: member.name,
    // A member the SDK lists without a known membership counts as gone.
    membership: membershipOf(member.membership) ?? 'leave',
    powerLevel: member.powerLevel,
    reason: typeof reason === 'string' ? reason : null,
  };
};

/** The plain snapshot of a room that governance, import and media read (main/core/room-snapshot.ts). */
export const snapshotOf = (room: Room): RoomSnapshot => {
  const live = room.getLiveTimeline().getState(EventTimeline.FORWARDS);
  const state: StateEvent[] = [];
  for (const [type, byKey] of live?.events ?? new Map<string, Map<string, MatrixEvent>>()) {
    if (type === EventType.RoomMember) {
      continue;
    }
    for (const event of byKey.values()) {
      state.push(stateEventOf(event));
    }
  }
  return {
    roomId: room.roomId,
    name: room.name,
    myMembership: membershipOf(room.getMyMembership()),
    members: room.getMembers().map(memberOf),
    state,
    encrypted: room.hasEncryptionStateEvent(),
    joinRule: room.getJoinRule(),
  };
};
