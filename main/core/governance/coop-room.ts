import { EventTimeline, EventType, KnownMembership, type Room, type RoomState } from 'matrix-js-sdk';
import type { CoopMember } from '../../../shared/model/coop.ts';
import { readRegistry, type RawStateEvent } from './assemble.ts';
import { PROPOSAL_STATUS_EVENT, parseProposalStatus, type ProposalStatus } from './proposal-index.ts';
import { CHARTER_EVENT, MEMBER_EVENT, parseCharter, type Charter } from './protocol.ts';

/**
 * A co-op as the current room state shows it: the assembly room is any room whose charter
 * state event is valid. Read-only; what a member does goes through CoopService.
 */
export class CoopRoom {
  readonly room: Room;
  readonly charter: Charter;
  readonly charterEventId: string;

  private constructor(room: Room, charter: Charter, charterEventId: string) {
    this.room = room;
    this.charter = charter;
    this.charterEventId = charterEventId;
  }

  /** The co-op in this room, or null when the room has no valid charter. */
  static of(room: Room): CoopRoom | null {
    const event = state(room)?.getStateEvents(CHARTER_EVENT, '');
    const charter = event === null || event === undefined ? null : parseCharter(event.getContent());
    return charter === null || event === null || event === undefined ? null : new CoopRoom(room, charter, event.getId() ?? '');
  }

  get roomId(): string {
    return this.room.roomId;
  }

  /** The space the assembly room belongs to (its m.space.parent), if any. */
  spaceId(): string | null {
    const parents = state(this.room)?.getStateEvents(EventType.SpaceParent) ?? [];
    return parents.find((event) => event.getStateKey()?.startsWith('!') === true)?.getStateKey() ?? null;
  }

  /** Member → class id in the current registry. */
  registry(): Map<string, string> {
    const events = state(this.room)?.getStateEvents(MEMBER_EVENT) ?? [];
    const raw: RawStateEvent[] = events.map((event) => ({ type: MEMBER_EVENT, state_key: event.getStateKey(), content: event.getContent() }));
    const known = new Set(this.charter.classes.map((entry) => entry.id));
    return new Map([...readRegistry(raw)].filter(([, classId]) => known.has(classId)));
  }

  /** Joined and invited members, and anyone still in the registry after leaving. */
  members(): CoopMember[] {
    const registry = this.registry();
    const people = new Map<string, CoopMember>();
    for (const member of this.room.getMembers()) {
      const membership = member.membership === KnownMembership.Join ? 'join' : member.membership === KnownMembership.Invite ? 'invite' : 'leave';
      if (membership === 'leave' && !registry.has(member.userId)) {
        continue;
      }
      people.set(member.userId, {
        userId: member.userId,
        displayName: member.name || member.userId,
        classId: registry.get(member.userId) ?? null,
        membership,
        secretary: this.isSecretary(member.userId),
      });
    }
    for (const [userId, classId] of registry) {
      if (!people.has(userId)) {
        people.set(userId, { userId, displayName: userId, classId, membership: 'leave', secretary: false });
      }
    }
    return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** Proposal id → its index entry, for every proposal the index knows. */
  proposalIndex(): Map<string, ProposalStatus> {
    const index = new Map<string, ProposalStatus>();
    for (const event of state(this.room)?.getStateEvents(PROPOSAL_STATUS_EVENT) ?? []) {
      const key = event.getStateKey();
      const status = parseProposalStatus(event.getContent());
      if (key?.startsWith('$') === true && status !== null) {
        index.set(key, status);
      }
    }
    return index;
  }

  powerOf(userId: string): number {
    return this.room.getMember(userId)?.powerLevel ?? 0;
  }

  /** Secretaries hold the registry's and the closing power level. */
  secretaryLevel(): number {
    return Math.max(this.charter.power.registry, this.charter.power.close);
  }

  isSecretary(userId: string): boolean {
    return this.powerOf(userId) >= this.secretaryLevel();
  }

  mayAppointSecretaries(userId: string): boolean {
    return state(this.room)?.maySendStateEvent(EventType.RoomPowerLevels, userId) ?? false;
  }

  mayManageRegistry(userId: string): boolean {
    return state(this.room)?.maySendStateEvent(MEMBER_EVENT, userId) ?? false;
  }

  mayPropose(userId: string): boolean {
    return this.powerOf(userId) >= this.charter.power.propose && (state(this.room)?.maySendStateEvent(PROPOSAL_STATUS_EVENT, userId) ?? false);
  }

  mayInvite(userId: string): boolean {
    return this.room.canInvite(userId);
  }
}

const state = (room: Room): RoomState | undefined => room.getLiveTimeline().getState(EventTimeline.FORWARDS);
