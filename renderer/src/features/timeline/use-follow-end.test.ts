import { describe, expect, it } from 'vitest';
import { followsEnd } from './use-follow-end.ts';

const at = (scrollTop: number, scrollHeight = 2_000, clientHeight = 500) => ({ scrollTop, scrollHeight, clientHeight });

describe('followsEnd', () => {
  it('follows once the list is within the threshold of its end', () => {
    expect(followsEnd(false, 0, at(1_460), 48)).toBe(true);
    expect(followsEnd(false, 0, at(1_400), 48)).toBe(false);
  });

  it('stops following when the member scrolls up away from the end', () => {
    expect(followsEnd(true, 1_500, at(1_200), 48)).toBe(false);
  });

  it('keeps following while the list scrolls down towards the end (opening a room, a follow in progress)', () => {
    expect(followsEnd(true, 200, at(900), 48)).toBe(true);
    expect(followsEnd(false, 200, at(900), 48)).toBe(false);
  });

  it('keeps following when a trim at the top moves scrollTop up by the rows it removed, still at the end', () => {
    expect(followsEnd(true, 1_500, at(700, 1_200), 48)).toBe(true);
  });
});
