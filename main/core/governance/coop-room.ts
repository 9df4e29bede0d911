import type { CoopMember } from '../../../shared/model/coop.ts';
import { canInvite, maySendState, memberOf, stateEvent, stateEvents, type RoomSnapshot } from '../room-snapshot.ts';
import { readRegistry, type RawStateEvent } from './assemble.ts';
import { PROPOSAL_STATUS_EVENT, parseProposalStatus, type ProposalStatus } from './proposal-index.ts';
import { CHARTER_EVENT, MEMBER_EVENT, parseCharter, type Charter } from './protocol.ts';

/**
 * A co-op as the current room state shows it: the assembly room is any room whose charter
 * state event is valid. Read-only; what a member does goes through CoopService.
 */
export class CoopRoom {
  readonly room: RoomSnapshot;
  readonly charter: Charter;
  readonly charterEventId: string;

  private constructor(room: RoomSnapshot, charter: Charter, charterEventId: string) {
    this.room = room;
    this.charter = charter;
    this.charterEventId = charterEventId;
  }

  /** The co-op in this room, or null when the room has no valid charter. */
  static of(room: RoomSnapshot): CoopRoom | null {
    const event = stateEvent(room, CHARTER_EVENT);
    const charter = event === null ? null : parseCharter(event.content);
    return charter === null || event === null ? null : new CoopRoom(room, charter, event.eventId);
  }

  get roomId(): string {
    return this.room.roomId;
  }

  /** The space the assembly room belongs to (its m.space.parent), if any. */
  spaceId(): string | null {
    return stateEvents(this.room, 'm.space.parent').find((event) => event.stateKey.startsWith('!'))?.stateKey ?? null;
  }

  /** Member → class id in the current registry. */
  registry(): Map<string, string> {
    const raw: RawStateEvent[] = stateEvents(this.room, MEMBER_EVENT).map((event) => ({
      type: MEMBER_EVENT,
      state_key: event.stateKey,
      content: event.content,
    }));
    const known = new Set(this.charter.classes.map((entry) => entry.id));
    return new Map([...readRegistry(raw)].filter(([, classId]) => known.has(classId)));
  }

  /** Joined and invited members, and anyone still in the registry after leaving. */
  members(): CoopMember[] {
    const registry = this.registry();
    const people = new Map<string, CoopMember>();
    for (const member of this.room.members) {
      const membership = member.membership === 'join' ? 'join' : member.membership === 'invite' ? 'invite' : 'leave';
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
    for (const event of stateEvents(this.room, PROPOSAL_STATUS_EVENT)) {
      const key = event.stateKey;
      const status = parseProposalStatus(event.content);
      if (key.startsWith('$') && status !== null) {
        index.set(key, status);
      }
    }
    return index;
  }

  powerOf(userId: string): number {
    return memberOf(this.room, userId)?.powerLevel ?? 0;
  }

  /** Secretaries hold the registry's and the closing power level. */
  secretaryLevel(): number {
    return Math.max(this.charter.power.registry, this.charter.power.close);
  }

  isSecretary(userId: string): boolean {
    return this.powerOf(userId) >= this.secretaryLevel();
  }

  mayAppointSecretaries(userId: string): boolean {
    return maySendState(this.room, 'm.room.power_levels', userId);
  }

  mayManageRegistry(userId: string): boolean {
    return maySendState(this.room, MEMBER_EVENT, userId);
  }

  mayPropose(userId: string): boolean {
    return this.powerOf(userId) >= this.charter.power.propose && maySendState(this.room, PROPOSAL_STATUS_EVENT, userId);
  }

  mayInvite(userId: string): boolean {
    return canInvite(this.room, userId);
  }
}
