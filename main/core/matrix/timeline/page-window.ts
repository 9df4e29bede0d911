/**
 * The bounded window a timeline subscription shows: consecutive pages of a room's
 * history, each with the pagination tokens at its edges, so a page dropped to save
 * memory can be fetched again. Pure (no SDK, no I/O): the entries are whatever the
 * caller keeps (MatrixEvents in the app, strings in tests).
 */

/** One stretch of history, oldest entry first. */
export type Page<E> = {
  entries: E[];
  /** Token to fetch what comes before the page; null at the start of the room. */
  older: string | null;
  /** Token to fetch what comes after the page; null for the live page (it follows sync instead). */
  newer: string | null;
};

export type WindowLimits = {
  /** At most this many entries: growing past it drops whole pages from the other end. */
  cap: number;
  /** A viewport hint keeps this many entries beyond each edge of what is on screen. */
  margin: number;
};

/** Half a dozen screens either way of what is visible, and a few pages of history. */
export const DEFAULT_LIMITS: WindowLimits = { cap: 500, margin: 150 };

export class PageWindow<E> {
  private pages: Page<E>[] = [];
  /** Whether the last page is the live page, which follows the room's live timeline. */
  private live = false;
  private readonly idOf: (entry: E) => string;
  private readonly limits: WindowLimits;

  constructor(idOf: (entry: E) => string, limits: WindowLimits = DEFAULT_LIMITS) {
    this.idOf = idOf;
    this.limits = limits;
  }

  get atLive(): boolean {
    return this.live;
  }

  get hasOlder(): boolean {
    return this.pages.length > 0 && this.pages[0]?.older !== null;
  }

  get hasNewer(): boolean {
    return !this.live && this.pages.length > 0;
  }

  /** Where a backward page is fetched from; null when the window starts at the room's first event. */
  olderToken(): string | null {
    return this.pages[0]?.older ?? null;
  }

  /** Where a forward page is fetched from; null at the live end (sync brings what is newer). */
  newerToken(): string | null {
    return this.live ? null : (this.pages[this.pages.length - 1]?.newer ?? null);
  }

  size(): number {
    return this.pages.reduce((count, page) => count + page.entries.length, 0);
  }

  pageCount(): number {
    return this.pages.length;
  }

  entries(): E[] {
    return this.pages.flatMap((page) => page.entries);
  }

  /** Entries of the pages fetched from the server, without the live page. */
  fetchedEntries(): E[] {
    return (this.live ? this.pages.slice(0, -1) : this.pages).flatMap((page) => page.entries);
  }

  /** Starts over at the live end: one live page holding what the live timeline holds. */
  resetLive(entries: E[], older: string | null): void {
    this.pages = [{ entries: [...entries], older, newer: null }];
    this.live = true;
  }

  /** Starts over around a jump target (`live` when the page already reaches the live end). */
  reset(page: Page<E>, live: boolean): void {
    this.pages = [{ ...page, entries: [...page.entries], newer: live ? null : page.newer }];
    this.live = live;
  }

  /** The live page's entries as the live timeline holds them now; older pages go if it outgrows the cap. */
  updateLive(entries: E[], older: string | null): void {
    const last = this.pages[this.pages.length - 1];
    if (!this.live || last === undefined) {
      return;
    }
    this.pages[this.pages.length - 1] = { entries: [...entries], older, newer: null };
    this.dropOldest();
  }

  /** A page of older history before the first one; pages at the newer end go past the cap. */
  prependOlder(page: Page<E>): void {
    this.pages.unshift({ ...page, entries: this.withoutKnown(page.entries) });
    while (this.size() > this.limits.cap && this.pages.length > 1) {
      this.pages.pop();
      this.live = false;
    }
  }

  /** A page of newer history after the last one; pages at the older end go past the cap. */
  appendNewer(page: Page<E>): void {
    if (this.live) {
      return;
    }
    this.pages.push({ ...page, entries: this.withoutKnown(page.entries) });
    this.dropOldest();
  }

  /** Forward paging met the live timeline: its page becomes the last one and follows sync from now on. */
  joinLive(entries: E[], older: string | null): void {
    if (this.live) {
      return;
    }
    this.pages.push({ entries: this.withoutKnown(entries), older, newer: null });
    this.live = true;
    this.dropOldest();
  }

  /**
   * What the member sees now: pages lying wholly more than `margin` entries beyond either
   * edge of it go. Says whether anything went. Unknown ids change nothing (the hint is stale).
   */
  trimToViewport(firstId: string, lastId: string): boolean {
    const ids = this.entries().map(this.idOf);
    const first = ids.indexOf(firstId);
    const last = ids.lastIndexOf(lastId);
    if (first < 0 || last < 0 || last < first) {
      return false;
    }
    const keepFrom = first - this.limits.margin;
    const keepTo = last + this.limits.margin;
    let start = 0;
    const kept: Page<E>[] = [];
    let droppedNewest = false;
    for (const page of this.pages) {
      const end = start + page.entries.length - 1;
      const before = page.entries.length > 0 && end < keepFrom;
      const after = start > keepTo;
      if (!before && !after) {
        kept.push(page);
      } else if (after) {
        droppedNewest = true;
      }
      start = end + 1;
    }
    if (kept.length === this.pages.length || kept.length === 0) {
      return false;
    }
    this.pages = kept;
    if (droppedNewest) {
      this.live = false;
    }
    return true;
  }

  private dropOldest(): void {
    while (this.size() > this.limits.cap && this.pages.length > 1) {
      this.pages.shift();
    }
  }

  /** A page can overlap what the window holds (a jump next to the live end, a page fetched twice): keep each entry once. */
  private withoutKnown(entries: E[]): E[] {
    const known = new Set(this.entries().map(this.idOf));
    return entries.filter((entry) => !known.has(this.idOf(entry)));
  }
}
