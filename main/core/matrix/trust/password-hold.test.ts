import { describe, expect, it } from 'vitest';
import { PASSWORD_HOLD_MS, PasswordHold, type Timers } from './password-hold.ts';

const fakeTimers = () => {
  const pending = new Map<number, { at: number; callback: () => void }>();
  let now = 0;
  let next = 0;
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      pending.set(++next, { at: now + ms, callback });
      return next;
    },
    clearTimeout: (handle) => {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number): void => {
    now += ms;
    for (const [handle, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(handle);
        timer.callback();
      }
    }
  };
  return { timers, advance, pendingCount: () => pending.size };
};

describe('PasswordHold', () => {
  it('holds the password for a while, then forgets it', () => {
    const clock = fakeTimers();
    const hold = new PasswordHold(clock.timers);
    hold.hold('rahasia');
    clock.advance(PASSWORD_HOLD_MS - 1);
    expect(hold.peek()).toBe('rahasia');
    clock.advance(1);
    expect(hold.peek()).toBeNull();
  });

  it('forgets at once when cleared, leaving no timer behind', () => {
    const clock = fakeTimers();
    const hold = new PasswordHold(clock.timers);
    hold.hold('rahasia');
    hold.clear();
    expect(hold.peek()).toBeNull();
    expect(clock.pendingCount()).toBe(0);
  });

  it('restarts the time when given a new password', () => {
    const clock = fakeTimers();
    const hold = new PasswordHold(clock.timers);
    hold.hold('pertama', 1000);
    clock.advance(900);
    hold.hold('kedua', 1000);
    clock.advance(900);
    expect(hold.peek()).toBe('kedua');
    expect(clock.pendingCount()).toBe(1);
  });
});
