/**
 * One timeline subscription's window on a room: history pages fetched for it alone
 * (`PageSource`), and at the live end the SDK's live timeline and our pending events, as
 * before. What it holds is projected with the one per-event projection the app has.
 */
import { Direction, EventType, type EventTimeline, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { PaginateDirection, TimelineItem, TimelineWindow } from '../../../../shared/model/timeline.ts';
import { sdkRelationFeed } from '../relations/from-sdk.ts';
import { projectEvents, stableItemId, type MediaProjection } from '../timeline-projection.ts';
import { DEFAULT_LIMITS, PageWindow, type Page, type WindowLimits } from './page-window.ts';
import { PAGE_SIZE, type PageSource } from './page-source.ts';

export type RoomWindowOptions = {
  room: Room;
  myUserId: string;
  source: PageSource;
  media: MediaProjection | null;
  limits?: WindowLimits;
  /** The thread this window shows (its root and replies); null or absent: the main timeline. */
  threadRootId?: string | null;
};

export class RoomWindow {
  private readonly room: Room;
  private readonly myUserId: string;
  private readonly source: PageSource;
  private readonly media: MediaProjection | null;
  private readonly threadRootId: string | null;
  private readonly pages: PageWindow<MatrixEvent>;
  private readonly limits: WindowLimits;
  /** How many lines the last projection showed, to size the next page by (see `pageSize`). */
  private linesShown = 0;
  /** The relations among what the window holds, updated by each projection with what changed since the last. */
  private readonly relations = sdkRelationFeed();
  /** The live timeline the live page follows; a gappy sync replaces it and the window starts over. */
  private liveTimeline: EventTimeline | null = null;
  /** How many of the live timeline's events were looked at for edits and redactions of fetched events. */
  private relationsSeen = 0;
  private focusItemId: string | null = null;
  /** Bumped by every jump: a page fetched for an earlier position is thrown away. */
  private generation = 0;
  /** Fetches run one after another, so two pages never land on the same edge. */
  private queue: Promise<unknown> = Promise.resolve();
  private membersLoaded = false;
  private closed = false;
  /** Originals of replies that are outside the window, fetched once each (null: not found). */
  private readonly quoted = new Map<string, MatrixEvent | null>();
  /** A thread window's root and replies as the server has them (the panel shows them with what sync brings). */
  private threadEvents: MatrixEvent[] = [];
  /** Called when something the window shows changed without a sync (a fetched reply original). */
  private changed: () => void = () => undefined;

  constructor(options: RoomWindowOptions) {
    this.room = options.room;
    this.myUserId = options.myUserId;
    this.source = options.source;
    this.media = options.media;
    this.threadRootId = options.threadRootId ?? null;
    if (this.threadRootId !== null) {
      this.loadThread(this.threadRootId);
    }
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.pages = new PageWindow<MatrixEvent>(stableItemId, this.limits);
    this.followLive();
  }

  get roomId(): string {
    return this.room.roomId;
  }

  /** Forgets every page; the window shows nothing from now on (its subscription is gone). */
  close(): void {
    this.closed = true;
    this.generation++;
    this.pages.resetLive([], null);
    this.liveTimeline = null;
    this.relations.clear();
  }

  /** `listener` hears of changes the window sees outside a sync; the subscription publishes then. */
  setChangeListener(listener: () => void): void {
    this.changed = listener;
  }

  /** The window's items now, the live end caught up with sync first. */
  items(): TimelineItem[] {
    if (this.closed) {
      return [];
    }
    this.catchUpLive();
    const pending = this.room.getPendingEvents();
    const events =
      this.threadRootId !== null ? this.threadWindowEvents(pending) : this.pages.atLive ? [...this.pages.entries(), ...pending] : this.pages.entries();
    // Reactions and edits arriving live count for fetched pages too (the SDK aggregates only its own timelines).
    const live = this.pages.atLive ? [] : [...this.liveEvents(), ...pending];
    const quoted = [...this.quoted.values()].filter((event): event is MatrixEvent => event !== null);
    const items = projectEvents(this.room, events, this.myUserId, this.media, this.pages.atLive, {
      threadRootId: this.threadRootId,
      relationSources: [...quoted, ...live],
      relations: this.relations,
    });
    this.fetchMissingOriginals(items);
    this.linesShown = items.length;
    return items;
  }

  private loadThread(rootId: string): void {
    const fetchThread = this.source.thread?.bind(this.source);
    if (fetchThread === undefined) {
      return;
    }
    fetchThread(this.room.roomId, rootId).then(
      (events) => {
        if (!this.closed) {
          this.threadEvents = events;
          this.changed();
        }
      },
      () => undefined,
    );
  }

  /**
   * A thread's panel: its root and replies as fetched, and what the window and sync hold
   * (new replies arrive live), each once, in time order; pending ones last. The projection
   * keeps only the root and its replies.
   */
  private threadWindowEvents(pending: readonly MatrixEvent[]): MatrixEvent[] {
    const byId = new Map<string, MatrixEvent>();
    for (const event of [...this.threadEvents, ...this.pages.entries(), ...this.liveEvents()]) {
      byId.set(event.getId() ?? stableItemId(event), event);
    }
    return [...[...byId.values()].sort((a, b) => a.getTs() - b.getTs()), ...pending];
  }

  /** A reply whose original is not in the window gets it fetched, so its quote can name the sender. */
  private fetchMissingOriginals(items: readonly TimelineItem[]): void {
    const fetchEvent = this.source.event?.bind(this.source);
    if (fetchEvent === undefined) {
      return;
    }
    for (const item of items) {
      const eventId = item.replyTo?.senderName === null ? item.replyTo.eventId : null;
      if (eventId === null || this.quoted.has(eventId)) {
        continue;
      }
      this.quoted.set(eventId, null);
      fetchEvent(this.room.roomId, eventId).then(
        (event) => {
          if (event !== null && !this.closed) {
            this.quoted.set(eventId, event);
            this.changed();
          }
        },
        () => undefined,
      );
    }
  }

  /** Where the window sits, for every batch and the paginate answer. */
  window(): TimelineWindow {
    return {
      hasOlder: this.pages.hasOlder,
      hasNewer: this.pages.hasNewer,
      readMarkerItemId: this.closed ? null : this.readMarkerItemId(),
      focusItemId: this.focusItemId,
    };
  }

  /** Grows the window by one page; at the room's start (backward) or the live end (forward) nothing happens. */
  paginate(direction: PaginateDirection): Promise<void> {
    return this.serially(async (generation) => {
      if (direction === 'backward') {
        const token = this.pages.olderToken();
        if (token === null) {
          return;
        }
        await this.loadMembers();
        const page = await this.source.older(this.room.roomId, token, this.pageSize());
        if (generation === this.generation) {
          this.pages.prependOlder(page);
        }
        return;
      }
      const token = this.pages.newerToken();
      if (token === null) {
        return;
      }
      const page = await this.source.newer(this.room.roomId, token, this.pageSize());
      if (generation === this.generation) {
        this.addNewer(page);
      }
    });
  }

  /** Moves the window around `eventId` (or to the live end with null); false when the event cannot be found. */
  jump(eventId: string | null): Promise<boolean> {
    return this.serially(async () => {
      const generation = ++this.generation;
      if (eventId === null || this.liveEvents().some((event) => event.getId() === eventId)) {
        this.followLive();
        this.focusItemId = eventId === null ? null : this.itemIdOf(eventId);
        return true;
      }
      await this.loadMembers();
      const around = await this.source.around(this.room.roomId, eventId);
      if (around === null || generation !== this.generation) {
        return false;
      }
      const { before, reachesLive } = this.splitAtLive(around.page);
      this.pages.reset(before, false);
      if (reachesLive) {
        this.joinLive();
      }
      this.focusItemId = stableItemId(around.focus);
      return true;
    });
  }

  /** The member sees `firstItemId`…`lastItemId`: pages far from it go. Says whether the window changed. */
  viewport(firstItemId: string, lastItemId: string): boolean {
    return !this.closed && this.pages.trimToViewport(firstItemId, lastItemId);
  }

  /**
   * How many events the next page asks for: about PAGE_SIZE lines. In a room where most
   * events are reactions and edits (no line of their own) a page of PAGE_SIZE events shows a
   * few messages, and the member would wait for one round trip after another before a screen
   * fills; so the page grows by the window's own events per line, within what the window's
   * cap still has room for (a page past it would push the other end out at once).
   */
  private pageSize(): number {
    const size = this.pages.size();
    const perLine = size / Math.max(1, this.linesShown);
    return Math.max(PAGE_SIZE, Math.min(Math.round(PAGE_SIZE * perLine), this.limits.cap - size));
  }

  private serially<T>(work: (generation: number) => Promise<T>): Promise<T> {
    const result = this.queue.then(() => work(this.generation));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private liveEvents(): MatrixEvent[] {
    return this.room.getLiveTimeline().getEvents();
  }

  private followLive(): void {
    this.liveTimeline = this.room.getLiveTimeline();
    this.relationsSeen = this.liveTimeline.getEvents().length;
    this.pages.resetLive(this.liveTimeline.getEvents(), this.liveTimeline.getPaginationToken(Direction.Backward));
  }

  /**
   * Where a page after the window meets the live timeline (by an event both hold, or by
   * reaching the server's newest event), the rest of the way is the live page: the part
   * before it is what the window still needs as a page of its own.
   */
  private splitAtLive(page: Page<MatrixEvent>): { before: Page<MatrixEvent>; reachesLive: boolean } {
    const liveIds = new Set(this.liveEvents().map((event) => event.getId()));
    const meets = page.entries.findIndex((event) => liveIds.has(event.getId()));
    if (meets < 0) {
      return { before: page, reachesLive: page.newer === null || page.entries.length === 0 };
    }
    return { before: { ...page, entries: page.entries.slice(0, meets) }, reachesLive: true };
  }

  private addNewer(page: Page<MatrixEvent>): void {
    const { before, reachesLive } = this.splitAtLive(page);
    if (before.entries.length > 0) {
      this.pages.appendNewer(before);
    }
    if (reachesLive) {
      this.joinLive();
    }
  }

  private joinLive(): void {
    const live = this.room.getLiveTimeline();
    this.liveTimeline = live;
    this.relationsSeen = live.getEvents().length;
    this.pages.joinLive(live.getEvents(), live.getPaginationToken(Direction.Backward));
  }

  /** The live page takes in what sync brought; a replaced live timeline (gappy sync) starts a live window over. */
  private catchUpLive(): void {
    const live = this.room.getLiveTimeline();
    if (live !== this.liveTimeline) {
      if (this.pages.atLive) {
        this.followLive();
        return;
      }
      this.liveTimeline = live;
      this.relationsSeen = 0;
    }
    this.applyLiveRelations(live.getEvents());
    if (this.pages.atLive) {
      this.pages.updateLive(live.getEvents(), live.getPaginationToken(Direction.Backward));
    }
  }

  /**
   * The SDK edits and redacts only events of its own timelines; a fetched event that a
   * newer live event edits or redacts is changed here, as the SDK would have.
   */
  private applyLiveRelations(live: MatrixEvent[]): void {
    if (this.relationsSeen > live.length) {
      this.relationsSeen = 0;
    }
    const fresh = live.slice(this.relationsSeen);
    this.relationsSeen = live.length;
    if (fresh.length === 0) {
      return;
    }
    const fetched = new Map(this.pages.fetchedEntries().map((event) => [event.getId(), event]));
    for (const event of fresh) {
      if (event.getType() === EventType.RoomRedaction) {
        const target = fetched.get(event.event.redacts ?? event.getContent<{ redacts?: string }>().redacts);
        if (target !== undefined && !target.isRedacted()) {
          target.makeRedacted(event, this.room);
        }
      } else if (event.isRelation('m.replace')) {
        const target = fetched.get(event.getRelation()?.event_id);
        if (target !== undefined && event.getSender() === target.getSender()) {
          target.makeReplaced(event);
        }
      }
    }
  }

  /** Lazy loading leaves old senders out of the room's members; their names come with the full list, once. */
  private async loadMembers(): Promise<void> {
    if (this.membersLoaded) {
      return;
    }
    this.membersLoaded = true;
    try {
      await this.room.loadMembersIfNeeded();
    } catch {
      // Names fall back to Matrix IDs; the history itself still loads.
      this.membersLoaded = false;
    }
  }

  private itemIdOf(eventId: string): string | null {
    const event = [...this.pages.entries()].reverse().find((candidate) => candidate.getId() === eventId);
    return event === undefined ? null : stableItemId(event);
  }

  /** The item the "new messages" line goes after: the member's fully-read marker, else their read receipt. */
  private readMarkerItemId(): string | null {
    const fullyRead = this.room.getAccountData(EventType.FullyRead)?.getContent<{ event_id?: unknown }>().event_id;
    const eventId = typeof fullyRead === 'string' ? fullyRead : this.room.getEventReadUpTo(this.myUserId);
    return eventId === null ? null : this.itemIdOf(eventId);
  }
}
