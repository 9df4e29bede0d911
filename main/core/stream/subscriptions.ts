import { randomUUID } from 'node:crypto';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { ListBatch } from '../../../shared/stream/list-op.ts';
import { ListPublisher } from './list-publisher.ts';

/** How long changes are gathered into one batch: a sync burst becomes one message. */
export const COALESCE_MS = 16;

type Entry = {
  connectionId: string;
  /** The room whose timeline this is, or null for the room list. */
  roomId: string | null;
  publisher: ListPublisher<unknown>;
  /** Lets go of what the subscription holds (a timeline's window) once it is removed. */
  close: (() => void) | null;
  /** Ends with the session: a sign-in or sign-out sends it a last, empty reset and removes it. */
  sessionBound: boolean;
};

/**
 * Every open list subscription of every connection. Changes are marked per room and
 * flushed together, so a burst of events costs one recomputation per list.
 */
export class Subscriptions {
  private readonly entries = new Map<string, Entry>();
  private dirtyRooms = new Set<string>();
  private dirtyAll = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  add<T>(options: {
    connectionId: string;
    roomId: string | null;
    compute: () => T[];
    keyOf: (item: T) => string;
    sink: (batch: ListBatch<T>) => void;
    /** Sent beside the items by the sink; a change of it alone makes a batch (see ListPublisher). */
    state?: () => unknown;
    close?: () => void;
    sessionBound?: boolean;
  }): string {
    const subscription = randomUUID();
    const publisher = new ListPublisher<T>({ subscription, compute: options.compute, keyOf: options.keyOf, sink: options.sink, state: options.state });
    this.entries.set(subscription, {
      connectionId: options.connectionId,
      roomId: options.roomId,
      publisher: publisher as ListPublisher<unknown>,
      close: options.close ?? null,
      sessionBound: options.sessionBound ?? false,
    });
    // The reset goes out after the subscribe answer, so the renderer knows the id first.
    setTimeout(() => {
      if (this.entries.get(subscription)?.publisher === publisher) {
        publisher.reset();
      }
    }, 0);
    return subscription;
  }

  private owned(subscription: string, connectionId: string): Entry {
    const entry = this.entries.get(subscription);
    if (entry?.connectionId !== connectionId) {
      throw new RembukError('invalid_request', 'no such subscription');
    }
    return entry;
  }

  resync(subscription: string, connectionId: string): void {
    this.owned(subscription, connectionId).publisher.reset();
  }

  /** Sends what changed in one subscription now (a page it asked for arrived), before the answer to its request. */
  refresh(subscription: string, connectionId: string): void {
    this.owned(subscription, connectionId).publisher.refresh();
  }

  remove(subscription: string, connectionId: string): void {
    this.owned(subscription, connectionId);
    this.drop(subscription);
  }

  closeConnection(connectionId: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.connectionId === connectionId) {
        this.drop(id);
      }
    }
  }

  private drop(subscription: string): void {
    const entry = this.entries.get(subscription);
    this.entries.delete(subscription);
    entry?.close?.();
  }

  /** Marks a room (or, with null, everything) as changed; lists refresh shortly after. */
  invalidate(roomId: string | null): void {
    if (roomId === null) {
      this.dirtyAll = true;
    } else {
      this.dirtyRooms.add(roomId);
    }
    this.timer ??= setTimeout(() => {
      this.flush();
    }, COALESCE_MS);
  }

  /** Sends every pending change now. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const all = this.dirtyAll;
    const rooms = this.dirtyRooms;
    this.dirtyAll = false;
    this.dirtyRooms = new Set();
    for (const entry of this.entries.values()) {
      // The room list summarises every room, so any change can move it.
      if (all || entry.roomId === null || rooms.has(entry.roomId)) {
        entry.publisher.refresh();
      }
    }
  }

  /** After sign-in or sign-out every list starts over. */
  resetAll(): void {
    for (const [id, entry] of this.entries) {
      if (entry.sessionBound) {
        // The room is the old account's: the renderer is told it is empty, and the subscription ends.
        this.drop(id);
      }
      entry.publisher.reset();
    }
  }
}
