import { describe, expect, it } from 'vitest';
import { MAIN_WINDOW_SIZE } from './window-size.ts';

describe('the main window size', () => {
  it('opens no smaller than it may be made, and may be made as small as 480×420 (where the screens spec checks the layout)', () => {
    expect(MAIN_WINDOW_SIZE.width).toBeGreaterThanOrEqual(MAIN_WINDOW_SIZE.minWidth);
    expect(MAIN_WINDOW_SIZE.height).toBeGreaterThanOrEqual(MAIN_WINDOW_SIZE.minHeight);
    expect([MAIN_WINDOW_SIZE.minWidth, MAIN_WINDOW_SIZE.minHeight]).toEqual([480, 420]);
  });
});
