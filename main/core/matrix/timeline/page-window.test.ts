import { describe, expect, it } from 'vitest';
import { PageWindow, type Page } from './page-window.ts';

/** Entries are their own ids: `e12` is the room's 12th event. */
const range = (from: number, to: number): string[] => Array.from({ length: to - from }, (_, index) => `e${String(from + index)}`);
const page = (from: number, to: number, older: string | null = `t${String(from)}`, newer: string | null = `t${String(to)}`): Page<string> => ({
  entries: range(from, to),
  older,
  newer,
});
const small = (): PageWindow<string> => new PageWindow<string>((entry) => entry, { cap: 100, margin: 20 });

describe('page window', () => {
  it('starts at the live end with the live timeline and its token back', () => {
    const window = small();
    window.resetLive(range(980, 1000), 't980');
    expect(window.entries()).toEqual(range(980, 1000));
    expect(window).toMatchObject({ atLive: true, hasOlder: true, hasNewer: false });
    expect(window.olderToken()).toBe('t980');
    expect(window.newerToken()).toBeNull();
  });

  it('grows backward page by page, keeping each page’s tokens', () => {
    const window = small();
    window.resetLive(range(980, 1000), 't980');
    window.prependOlder(page(950, 980));
    window.prependOlder(page(920, 950));
    expect(window.entries()).toEqual(range(920, 1000));
    expect(window.olderToken()).toBe('t920');
    expect(window.atLive).toBe(true);
  });

  it('drops whole pages from the live end once past the cap, and can page forward to them again', () => {
    const window = small();
    window.resetLive(range(980, 1000), 't980');
    for (let from = 950; from >= 860; from -= 30) {
      window.prependOlder(page(from, from + 30));
    }
    // 140 entries fetched in all; the newest pages went, the cap holds.
    expect(window.size()).toBeLessThanOrEqual(100);
    expect(window.entries()[0]).toBe('e860');
    expect(window.entries().at(-1)).toBe('e949');
    expect(window).toMatchObject({ atLive: false, hasNewer: true });
    expect(window.newerToken()).toBe('t950');
    window.appendNewer(page(950, 980));
    expect(window.entries().at(-1)).toBe('e979');
    expect(window.entries()[0]).toBe('e890');
    expect(window.olderToken()).toBe('t890');
  });

  it('joins the live timeline again when forward paging meets it', () => {
    const window = small();
    window.reset(page(500, 530), false);
    window.joinLive(range(525, 560), 't525');
    // The overlap is kept once.
    expect(window.entries()).toEqual(range(500, 560));
    expect(window).toMatchObject({ atLive: true, hasNewer: false });
    window.updateLive(range(525, 570), 't525');
    expect(window.entries().at(-1)).toBe('e569');
  });

  it('lets older pages go when the live page outgrows the cap', () => {
    const window = small();
    window.resetLive(range(980, 1000), 't980');
    window.prependOlder(page(920, 980));
    window.updateLive(range(980, 1050), 't980');
    expect(window.entries()).toEqual(range(980, 1050));
    expect(window.olderToken()).toBe('t980');
  });

  it('drops pages far beyond what is on screen, at either end', () => {
    const window = small();
    window.resetLive(range(970, 1000), 't970');
    window.prependOlder(page(940, 970));
    window.prependOlder(page(910, 940));
    // On screen: e912…e915. e940 and later are more than 20 entries below the last one.
    expect(window.trimToViewport('e912', 'e915')).toBe(true);
    expect(window.entries()).toEqual(range(910, 940));
    expect(window).toMatchObject({ atLive: false, hasNewer: true, hasOlder: true });
    expect(window.newerToken()).toBe('t940');
  });

  it('keeps the pages near the viewport and ignores a hint it cannot place', () => {
    const window = small();
    window.resetLive(range(970, 1000), 't970');
    window.prependOlder(page(940, 970));
    expect(window.trimToViewport('e960', 'e975')).toBe(false);
    expect(window.trimToViewport('e1', 'e2')).toBe(false);
    expect(window.size()).toBe(60);
    // The oldest page goes when the member looks at the newest messages; the one within the margin stays.
    window.prependOlder(page(910, 940));
    expect(window.trimToViewport('e980', 'e999')).toBe(true);
    expect(window.entries()).toEqual(range(940, 1000));
    expect(window.olderToken()).toBe('t940');
    expect(window.atLive).toBe(true);
  });

  it('starts over around a jump target, with no older or newer known before', () => {
    const window = small();
    window.resetLive(range(970, 1000), 't970');
    window.prependOlder(page(940, 970));
    window.reset(page(100, 150, 'c100', 'c150'), false);
    expect(window.entries()).toEqual(range(100, 150));
    expect(window).toMatchObject({ atLive: false, hasOlder: true, hasNewer: true });
    expect(window.olderToken()).toBe('c100');
    expect(window.newerToken()).toBe('c150');
  });

  it('knows the start of the room', () => {
    const window = small();
    window.resetLive(range(0, 10), 't0');
    window.prependOlder(page(0, 0, null, 't0'));
    expect(window.hasOlder).toBe(false);
    expect(window.olderToken()).toBeNull();
  });
});
