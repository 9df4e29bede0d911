import { describe, expect, it } from 'vitest';
import { bundledEmojiData } from './emoji-data.ts';

describe('bundledEmojiData', () => {
  const data = bundledEmojiData();

  it('holds the emoji with their categories, without the skin-tone components', () => {
    expect(data.emojis.length).toBeGreaterThan(1500);
    // Emojibase writes the emoji presentation selector (U+FE0F) where Unicode recommends it.
    expect(data.emojis.find((emoji) => emoji.emoji.replace('\uFE0F', '') === '👍')?.label).toBe('thumbs up');
    expect(data.emojis.some((emoji) => emoji.emoji === '🏻')).toBe(false);
    expect(data.categories.map((category) => category.label)).toContain('smileys & emotion');
    expect(data.categories.map((category) => category.label)).not.toContain('components');
  });

  it('gives each skin tone of an emoji that has them', () => {
    expect(data.emojis.find((emoji) => emoji.emoji === '👋')?.skins).toEqual({
      light: '👋🏻',
      'medium-light': '👋🏼',
      medium: '👋🏽',
      'medium-dark': '👋🏾',
      dark: '👋🏿',
    });
  });
});
