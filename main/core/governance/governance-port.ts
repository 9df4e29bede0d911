import type { ICreateRoomOpts, MatrixEvent, Room, StateEvents, TimelineEvents } from 'matrix-js-sdk';
import type { ProposalMaterial } from './gov-event.ts';

/** What the co-op service reads of the live client, as events arrive. */
export type GovernanceEventListeners = {
  /** A new event in a room's timeline (live, or from a sync after being away). */
  timeline(event: MatrixEvent, room: Room): void;
  /** An event was decrypted (it may be a vote that arrived encrypted). */
  decrypted(event: MatrixEvent): void;
  /** An event was redacted; `redaction` is the redaction event. */
  redaction(redaction: MatrixEvent): void;
};

/**
 * What the Co-op tab needs of Matrix: the rooms as the client holds them, sending the
 * protocol's events (typed by matrix/sdk-events.ts), and fetching a proposal's material.
 * Implemented by matrix/matrix-governance-port.ts; tests give a fake.
 */
export type GovernancePort = {
  readonly userId: string;
  room(roomId: string): Room | null;
  rooms(): Room[];
  /** Resolves with the new room's id. */
  createRoom(options: ICreateRoomOpts): Promise<string>;
  sendState<K extends keyof StateEvents>(roomId: string, type: K, content: StateEvents[K], stateKey: string): Promise<void>;
  /** Resolves with the event's id once the server has it. */
  send<K extends keyof TimelineEvents>(roomId: string, type: K, content: TimelineEvents[K]): Promise<string>;
  /** Sets a member's power level; undefined removes it (back to the default). */
  setPowerLevel(roomId: string, userId: string, level: number | undefined): Promise<void>;
  invite(roomId: string, userId: string): Promise<void>;
  join(roomId: string): Promise<void>;
  /** One event as the server has it, decrypted if this device can. */
  fetchEvent(roomId: string, eventId: string): Promise<MatrixEvent>;
  proposalMaterial(roomId: string, proposalId: string): Promise<ProposalMaterial>;
  /** Every event related to a proposal (its votes and ends), decrypted if possible. */
  related(roomId: string, proposalId: string): Promise<MatrixEvent[]>;
  /** Listens for as long as the client runs (its listeners go when it stops). */
  listen(listeners: GovernanceEventListeners): void;
};
