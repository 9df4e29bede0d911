import type { RoomSnapshot } from '../room-snapshot.ts';
import type { GovEvent, RawStateEvent } from './assemble.ts';
import type { PollEndContent } from './end-content.ts';
import type { PROPOSAL_STATUS_EVENT, ProposalStatus } from './proposal-index.ts';
import type { MEMBER_EVENT, MemberEntry, POLL_END, POLL_RESPONSE, POLL_START, PollResponseContent, PollStartContent } from './protocol.ts';

/** An event as the co-op service sees it arrive, read by the adapter from the SDK's event. */
export type LiveEvent = GovEvent & {
  roomId: string | null;
  /** Still being decrypted: it comes again through `decrypted` once it is. */
  beingDecrypted: boolean;
  /** For an event this device failed to decrypt, the event its m.reference points to (m.relates_to stays in clear text). */
  encryptedReference: string | null;
};

/** A proposal's event (its poll start, or a related one) with the room it is in. */
export type FetchedEvent = GovEvent & { roomId: string | null };

/** What a proposal's tally is computed from: its poll start, the room state at it, and every event related to it. */
export type ProposalMaterial = { start: FetchedEvent; stateAtProposal: RawStateEvent[]; related: FetchedEvent[] };

/** What the co-op service reads of the live client, as events arrive. */
export type GovernanceEventListeners = {
  /** A new event in a room's timeline (live, or from a sync after being away). */
  timeline(event: LiveEvent): void;
  /** An event was decrypted (it may be a vote that arrived encrypted). */
  decrypted(event: LiveEvent): void;
  /** An event was redacted: the id of the redacted event. */
  redaction(redactedEventId: string): void;
};

/** One state event of an initial room state, as the client-server API names its fields. */
export type InitialStateEvent = { type: string; state_key: string; content: Record<string, unknown> };

/** What a co-op asks of a new room: Rembuk's own subset of `/createRoom`, with its wire names. */
export type CreateRoomOptions = {
  name: string;
  topic?: string;
  preset: 'private_chat';
  visibility: 'private';
  creation_content?: Record<string, unknown>;
  initial_state?: InitialStateEvent[];
  power_level_content_override?: { events?: Record<string, number>; events_default?: number; invite?: number; redact?: number };
};

/** The state events a co-op sends after its rooms exist (the charter goes in the room's initial state). */
export type GovStateEvent =
  | { type: typeof MEMBER_EVENT; content: MemberEntry | Record<string, never> }
  | { type: typeof PROPOSAL_STATUS_EVENT; content: ProposalStatus }
  | { type: 'm.space.child'; content: { via: string[]; suggested: boolean } };

/** The protocol's timeline events (docs/governance.md). */
export type GovMessage =
  | { type: typeof POLL_START; content: PollStartContent }
  | { type: typeof POLL_RESPONSE; content: PollResponseContent }
  | { type: typeof POLL_END; content: PollEndContent };

/** A loaded timeline event, as the service looks through it for proposals the index missed. */
export type LoadedEvent = { eventId: string; type: string; content: Record<string, unknown> };

/**
 * What the Co-op tab needs of Matrix, in plain data: snapshots of the rooms, sending the
 * protocol's events, and fetching a proposal's material. Implemented by
 * matrix/matrix-governance-port.ts (which checks the content against the SDK's event
 * maps, matrix/sdk-events.ts); tests give a fake.
 */
export type GovernancePort = {
  readonly userId: string;
  room(roomId: string): RoomSnapshot | null;
  rooms(): RoomSnapshot[];
  /** The events of a room's live timeline the client has loaded, oldest first. */
  loadedEvents(roomId: string): LoadedEvent[];
  /** Resolves with the new room's id. */
  createRoom(options: CreateRoomOptions): Promise<string>;
  sendState(roomId: string, event: GovStateEvent, stateKey: string): Promise<void>;
  /** Resolves with the event's id once the server has it. */
  send(roomId: string, message: GovMessage): Promise<string>;
  /** Sets a member's power level; undefined removes it (back to the default). */
  setPowerLevel(roomId: string, userId: string, level: number | undefined): Promise<void>;
  invite(roomId: string, userId: string): Promise<void>;
  join(roomId: string): Promise<void>;
  /** One event as the server has it, decrypted if this device can. */
  fetchEvent(roomId: string, eventId: string): Promise<FetchedEvent>;
  proposalMaterial(roomId: string, proposalId: string): Promise<ProposalMaterial>;
  /** Every event related to a proposal (its votes and ends), decrypted if possible. */
  related(roomId: string, proposalId: string): Promise<FetchedEvent[]>;
  /** Listens for as long as the client runs (its listeners go when it stops). */
  listen(listeners: GovernanceEventListeners): void;
};
