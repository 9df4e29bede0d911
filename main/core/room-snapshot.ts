/**
 * A room as governance, import and media read it, in plain data: the adapters in
 * main/core/matrix build it from the SDK's room (matrix/room-snapshots.ts), so these
 * features never hold an SDK object and their tests need no SDK.
 */

/** One current state event (m.room.member events are in `members` instead). */
export type StateEvent = { type: string; stateKey: string; sender: string; content: Record<string, unknown>; ts: number; eventId: string };

export type Membership = 'join' | 'invite' | 'leave' | 'ban' | 'knock';

export type SnapshotMember = {
  userId: string;
  /** The display name as the room disambiguates it (the user id when there is none). */
  name: string;
  membership: Membership;
  /** As the SDK computes it: a room version 12 creator is Infinity. */
  powerLevel: number;
  /** The reason given with the membership (a knock's message), if any. */
  reason: string | null;
};

export type RoomSnapshot = {
  roomId: string;
  name: string;
  myMembership: Membership | null;
  members: readonly SnapshotMember[];
  /** Every current state event but the members'. */
  state: readonly StateEvent[];
  /** Whether the room has an m.room.encryption state event. */
  encrypted: boolean;
  /** The join rule, `invite` when the room does not say. */
  joinRule: string;
};

export const stateEvents = (room: RoomSnapshot, type: string): StateEvent[] => room.state.filter((event) => event.type === type);

export const stateEvent = (room: RoomSnapshot, type: string, stateKey = ''): StateEvent | null =>
  room.state.find((event) => event.type === type && event.stateKey === stateKey) ?? null;

export const memberOf = (room: RoomSnapshot, userId: string): SnapshotMember | null => room.members.find((member) => member.userId === userId) ?? null;

const POWER_LEVELS = 'm.room.power_levels';

const level = (value: unknown): number | null => (typeof value === 'number' && Number.isSafeInteger(value) ? value : null);

/**
 * Whether a user may send a state event of this type, exactly as matrix-js-sdk's
 * RoomState.maySendStateEvent decides it: state_default is 0 without a power-levels event
 * and 50 when the event does not set it; a member's level is the SDK's (creators outrank all).
 */
export const maySendState = (room: RoomSnapshot, type: string, userId: string): boolean => {
  const powerLevels = stateEvent(room, POWER_LEVELS)?.content;
  let required = 0;
  if (powerLevels !== undefined) {
    const events = typeof powerLevels.events === 'object' && powerLevels.events !== null ? (powerLevels.events as Record<string, unknown>) : {};
    required = level(events[type]) ?? level(powerLevels.state_default) ?? 50;
  }
  return (memberOf(room, userId)?.powerLevel ?? 0) >= required;
};

/** Whether a user may invite, as matrix-js-sdk's Room.canInvite decides it (we must be joined). */
export const canInvite = (room: RoomSnapshot, userId: string): boolean => {
  if (room.myMembership !== 'join') {
    return false;
  }
  const invite = stateEvent(room, POWER_LEVELS)?.content.invite;
  const member = memberOf(room, userId);
  return !(typeof invite === 'number' && member !== null && invite > member.powerLevel);
};
