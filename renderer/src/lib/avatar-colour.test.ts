import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColourClass } from './avatar-colour.ts';

describe('avatarColourClass', () => {
  it('is stable and stays inside the palette', () => {
    expect(avatarColourClass('!abc:example.org')).toBe(avatarColourClass('!abc:example.org'));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColourClass(`!room${i}:x`)));
    expect(used.size).toBe(AVATAR_COLOURS);
    for (const name of used) {
      expect(name).toMatch(/^avatar-c[0-7]$/);
    }
  });
});
