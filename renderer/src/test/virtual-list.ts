/**
 * jsdom has no scrolling API on elements; Virtuoso scrolls its scroller with them (to the
 * initial item, to an index). Here they just set the scroll position, which is all jsdom
 * can show. Call once per test file that renders the timeline.
 */
export const installScrollStubs = (): void => {
  // jsdom's scrollTop is always 0; Virtuoso waits to see the scroll it asked for land.
  const positions = new WeakMap<Element, number>();
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get(this: Element): number {
      return positions.get(this) ?? 0;
    },
    set(this: Element, value: number) {
      positions.set(this, value);
    },
  });
  const scrollTo = function (this: Element, options?: ScrollToOptions | number, y?: number): void {
    const top = typeof options === 'number' ? y : options?.top;
    if (typeof top === 'number') {
      this.scrollTop = top;
    }
    // A browser reports every scroll; Virtuoso waits for that before it renders the rows.
    this.dispatchEvent(new Event('scroll'));
  };
  const scrollBy = function (this: Element, options?: ScrollToOptions | number, y?: number): void {
    const top = typeof options === 'number' ? y : options?.top;
    if (typeof top === 'number') {
      this.scrollTop += top;
    }
    this.dispatchEvent(new Event('scroll'));
  };
  Object.defineProperty(Element.prototype, 'scrollTo', { configurable: true, value: scrollTo });
  Object.defineProperty(Element.prototype, 'scrollBy', { configurable: true, value: scrollBy });
};

/** jsdom lays nothing out: Virtuoso is told every row is 40 px, in a viewport tall enough for all of a test's rows. */
export const mockListSizes = { viewportHeight: 4_000, itemHeight: 40 };
