import { describe, expect, it } from 'vitest';
import { parseUserIds } from './user-ids.ts';

describe('parseUserIds', () => {
  it('splits on commas and spaces, drops duplicates and reports bad ids', () => {
    expect(parseUserIds(' @a:x.org, @b:y.org  @a:x.org,,budi @C:x ')).toEqual({
      valid: ['@a:x.org', '@b:y.org'],
      invalid: ['budi', '@C:x'],
    });
    expect(parseUserIds('')).toEqual({ valid: [], invalid: [] });
  });
});
