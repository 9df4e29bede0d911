import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Viewport } from './viewport-hint.ts';
import { createViewportHint } from './viewport-hint.ts';

const at = (firstItemId: string, lastItemId: string, subscription = 't1'): Viewport => ({ subscription, firstItemId, lastItemId });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('viewport hint', () => {
  it('sends the first report at once and at most one more per interval, ending where the scroll stopped', () => {
    const sent: Viewport[] = [];
    const hint = createViewportHint((viewport) => sent.push(viewport), 500);
    hint.report(at('a', 'e'));
    hint.report(at('b', 'f'));
    hint.report(at('c', 'g'));
    expect(sent).toEqual([at('a', 'e')]);
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([at('a', 'e'), at('c', 'g')]);
    vi.advanceTimersByTime(5_000);
    expect(sent).toHaveLength(2);
  });

  it('does not repeat a viewport it already sent', () => {
    const sent: Viewport[] = [];
    const hint = createViewportHint((viewport) => sent.push(viewport), 500);
    hint.report(at('a', 'e'));
    vi.advanceTimersByTime(600);
    hint.report(at('a', 'e'));
    expect(sent).toHaveLength(1);
  });

  it('drops a pending report on cancel and sends the next one afresh', () => {
    const sent: Viewport[] = [];
    const hint = createViewportHint((viewport) => sent.push(viewport), 500);
    hint.report(at('a', 'e'));
    hint.report(at('b', 'f'));
    hint.cancel();
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([at('a', 'e')]);
    hint.report(at('a', 'e', 't2'));
    expect(sent).toEqual([at('a', 'e'), at('a', 'e', 't2')]);
  });
});
