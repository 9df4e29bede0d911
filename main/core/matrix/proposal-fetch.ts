/**
 * Fetches what a proposal's tally is computed from, over the client-server API: the poll
 * start, the room state at it (`/context` with limit 0), and every event related to it
 * (`/relations`, paged to the end — a gappy sync must not lose a vote). Used by the app and
 * by the audit command alike, through the governance port (matrix-governance-port.ts).
 */
import { Direction, Method, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import type { RawStateEvent } from '../governance/assemble.ts';

const RELATIONS_PAGE = 1000;

/** A proposal's material as the SDK holds it; the governance port reads it into plain events. */
export type SdkProposalMaterial = { start: MatrixEvent; stateAtProposal: RawStateEvent[]; related: MatrixEvent[] };

/** Fetches one event and decrypts it if it can. */
export const fetchEvent = async (client: MatrixClient, roomId: string, eventId: string): Promise<MatrixEvent> => {
  const event = client.getEventMapper()(await client.fetchRoomEvent(roomId, eventId));
  await client.decryptEventIfNeeded(event);
  return event;
};

const decrypted = async (client: MatrixClient, events: MatrixEvent[]): Promise<MatrixEvent[]> => {
  await Promise.all(events.map((event) => client.decryptEventIfNeeded(event)));
  return events;
};

/** The room state at an event, as the server computed it (the frozen electorate lives there). */
export const fetchStateAt = async (client: MatrixClient, roomId: string, eventId: string): Promise<RawStateEvent[]> => {
  const path = `/rooms/${encodeURIComponent(roomId)}/context/${encodeURIComponent(eventId)}`;
  const response = await client.http.authedRequest<{ state?: RawStateEvent[] }>(Method.Get, path, { limit: '0' });
  return response.state ?? [];
};

/** Every event that relates to `eventId` by m.reference (votes and ends), oldest page last. */
export const fetchRelated = async (client: MatrixClient, roomId: string, eventId: string): Promise<MatrixEvent[]> => {
  const mapper = client.getEventMapper();
  const events: MatrixEvent[] = [];
  let from: string | undefined;
  do {
    const page = await client.fetchRelations(roomId, eventId, 'm.reference', null, {
      dir: Direction.Backward,
      limit: RELATIONS_PAGE,
      ...(from === undefined ? {} : { from }),
    });
    events.push(...page.chunk.map(mapper));
    from = page.next_batch ?? undefined;
  } while (from !== undefined);
  return decrypted(client, events);
};

export const fetchProposalMaterial = async (client: MatrixClient, roomId: string, proposalId: string): Promise<SdkProposalMaterial> => {
  const [raw, stateAtProposal, related] = await Promise.all([
    client.fetchRoomEvent(roomId, proposalId),
    fetchStateAt(client, roomId, proposalId),
    fetchRelated(client, roomId, proposalId),
  ]);
  const [start] = await decrypted(client, [client.getEventMapper()(raw)]);
  return { start: start as MatrixEvent, stateAtProposal, related };
};
