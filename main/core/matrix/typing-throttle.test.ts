import { describe, expect, it } from 'vitest';
import { TYPING_PAUSE_MS, TYPING_TIMEOUT_MS, TypingThrottle, type TypingTimers } from './typing-throttle.ts';

const fakeTimers = (): TypingTimers & { advance(ms: number): void } => {
  let now = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    now: () => now,
    set: (run, ms) => {
      const id = ++next;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clear: (handle) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      due.forEach((timer) => {
        timer.run();
      });
    },
  };
};

describe('TypingThrottle', () => {
  it('sends true at most every 4 s while typing, with a 30 s timeout', () => {
    const timers = fakeTimers();
    const sent: [string, boolean, number][] = [];
    const throttle = new TypingThrottle((roomId, typing, timeout) => sent.push([roomId, typing, timeout]), timers);
    for (let n = 0; n < 10; n++) {
      throttle.typing('!r', true);
      timers.advance(1000);
    }
    expect(sent.filter(([, typing]) => typing)).toHaveLength(3);
    expect(sent[0]).toEqual(['!r', true, TYPING_TIMEOUT_MS]);
  });

  it('sends false on stop, and only when it had said true', () => {
    const timers = fakeTimers();
    const sent: boolean[] = [];
    const throttle = new TypingThrottle((_roomId, typing) => sent.push(typing), timers);
    throttle.stop('!r');
    expect(sent).toEqual([]);
    throttle.typing('!r', true);
    throttle.typing('!r', false);
    expect(sent).toEqual([true, false]);
  });

  it('sends false after a pause without keystrokes', () => {
    const timers = fakeTimers();
    const sent: boolean[] = [];
    const throttle = new TypingThrottle((_roomId, typing) => sent.push(typing), timers);
    throttle.typing('!r', true);
    timers.advance(TYPING_PAUSE_MS + 1);
    expect(sent).toEqual([true, false]);
  });
});
