/**
 * History pages fetched straight from the server (`/messages`, `/context`) and kept only by
 * the window that asked: the SDK's live timeline never shrinks, so paging through it would
 * hold a whole room in memory. Raw events go through the client's event mapper, which
 * decrypts encrypted ones (a late `Decrypted` is re-emitted on the client, so the window
 * is projected again when the text arrives).
 */
import { Direction, EventType, Method, RelationType, type IContextResponse, type IEvent, type MatrixClient, type MatrixEvent } from 'matrix-js-sdk';
import { encodeUri } from 'matrix-js-sdk/lib/utils.js';
import type { Page } from './page-window.ts';

/** Events per request: a few screens, small enough to answer fast. */
export const PAGE_SIZE = 50;

export type AroundPage = { page: Page<MatrixEvent>; focus: MatrixEvent };

/** What a window needs from the server; the tests give it pages of their own. */
export type PageSource = {
  /** The page before `token`, oldest first: at most `limit` events (PAGE_SIZE when not said). */
  older(roomId: string, token: string, limit?: number): Promise<Page<MatrixEvent>>;
  /** The page after `token`, oldest first: at most `limit` events (PAGE_SIZE when not said). */
  newer(roomId: string, token: string, limit?: number): Promise<Page<MatrixEvent>>;
  /** The events around `eventId`, or null when the server does not know it (or will not show it). */
  around(roomId: string, eventId: string): Promise<AroundPage | null>;
  /** One event (decrypted), for the quote of a reply whose original is outside the window; null when not found. */
  event?(roomId: string, eventId: string): Promise<MatrixEvent | null>;
  /** A thread's root and its replies (`m.thread`), oldest first, decrypted; empty when the root is not found. */
  thread?(roomId: string, rootId: string): Promise<MatrixEvent[]>;
};

/** At most this many replies of a thread are fetched for its panel (the newest). */
export const THREAD_LIMIT = 200;

type RawEvent = Partial<IEvent>;

export class MatrixPageSource implements PageSource {
  private readonly client: MatrixClient;

  constructor(client: MatrixClient) {
    this.client = client;
  }

  /**
   * MatrixEvents of the raw ones, decrypted where we hold the keys: a page arrives readable
   * rather than as a screenful of "encrypted" lines that change a moment later.
   */
  private async map(roomId: string, events: readonly RawEvent[]): Promise<MatrixEvent[]> {
    const mapper = this.client.getEventMapper();
    // /messages leaves room_id out of its events; the mapper needs it to find the room.
    const mapped = events.map((event) => mapper({ ...event, room_id: event.room_id ?? roomId }));
    await Promise.all(mapped.map((event) => this.client.decryptEventIfNeeded(event)));
    return mapped;
  }

  async older(roomId: string, token: string, limit = PAGE_SIZE): Promise<Page<MatrixEvent>> {
    const response = await this.client.createMessagesRequest(roomId, token, limit, Direction.Backward);
    // Backwards, the chunk comes newest first; an absent `end` means the room's first event is in it.
    return { entries: (await this.map(roomId, response.chunk)).reverse(), older: response.end ?? null, newer: response.start ?? token };
  }

  async newer(roomId: string, token: string, limit = PAGE_SIZE): Promise<Page<MatrixEvent>> {
    const response = await this.client.createMessagesRequest(roomId, token, limit, Direction.Forward);
    return { entries: await this.map(roomId, response.chunk), older: response.start ?? token, newer: response.end ?? null };
  }

  async event(roomId: string, eventId: string): Promise<MatrixEvent | null> {
    try {
      const [event] = await this.map(roomId, [await this.client.fetchRoomEvent(roomId, eventId)]);
      // Only an event of this very room may stand as the quote of a reply here.
      return event?.getRoomId() === roomId ? event : null;
    } catch {
      return null;
    }
  }

  async thread(roomId: string, rootId: string): Promise<MatrixEvent[]> {
    const { originalEvent, events } = await this.client.relations(roomId, rootId, RelationType.Thread, EventType.RoomMessage, {
      dir: Direction.Backward,
      limit: THREAD_LIMIT,
    });
    if (originalEvent === null || originalEvent === undefined || originalEvent.getRoomId() !== roomId) {
      return [];
    }
    await this.client.decryptEventIfNeeded(originalEvent);
    // Backwards, the server answers newest first.
    return [originalEvent, ...[...events].reverse()];
  }

  async around(roomId: string, eventId: string): Promise<AroundPage | null> {
    const path = encodeUri('/rooms/$roomId/context/$eventId', { $roomId: roomId, $eventId: eventId });
    let response: IContextResponse;
    try {
      response = await this.client.http.authedRequest<IContextResponse>(Method.Get, path, { limit: String(PAGE_SIZE) });
    } catch {
      // Unknown, not visible to us, or not in this room: the caller stays where it is.
      return null;
    }
    if (response.event === undefined) {
      return null;
    }
    const [focus, ...rest] = await this.map(roomId, [response.event, ...(response.events_before ?? []).slice().reverse(), ...(response.events_after ?? [])]);
    if (focus === undefined) {
      return null;
    }
    const before = rest.slice(0, response.events_before?.length ?? 0);
    const after = rest.slice(before.length);
    return { focus, page: { entries: [...before, focus, ...after], older: response.start ?? null, newer: response.end ?? null } };
  }
}
