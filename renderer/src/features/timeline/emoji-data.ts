import type { EmojiData } from 'frimousse';
import compact from 'emojibase-data/en/compact.json';
import messages from 'emojibase-data/en/messages.json';

type SkinKey = keyof EmojiData['skinTones'];

/** Emojibase's skin tone modifiers, by the code point that ends each variant's hexcode part. */
const TONES: Partial<Record<string, SkinKey>> = { '1F3FB': 'light', '1F3FC': 'medium-light', '1F3FD': 'medium', '1F3FE': 'medium-dark', '1F3FF': 'dark' };
/** Emojibase's "component" group: skin tones and hair parts, not emoji to send on their own. */
const COMPONENT_GROUP = 2;

/**
 * The picker's emoji, bundled (in the picker's lazy chunk) instead of fetched: the window's
 * content security policy lets it connect to nothing but Rembuk, so frimousse's default
 * download from a CDN would never arrive — and a member's keyboard needs no network.
 */
export const bundledEmojiData = (): EmojiData => {
  const skinTones = { light: '🏻', 'medium-light': '🏼', medium: '🏽', 'medium-dark': '🏾', dark: '🏿' } satisfies EmojiData['skinTones'];
  const emojis = compact
    .filter((emoji) => emoji.group !== undefined && emoji.group !== COMPONENT_GROUP)
    .map((emoji) => {
      const skins: Partial<Record<SkinKey, string>> = {};
      for (const skin of emoji.skins ?? []) {
        const tone = skin.hexcode
          .split('-')
          .map((part) => TONES[part])
          .find((key) => key !== undefined);
        if (tone !== undefined) {
          skins[tone] = skin.unicode;
        }
      }
      const complete = Object.keys(skins).length === 5 ? (skins as Record<SkinKey, string>) : undefined;
      return { emoji: emoji.unicode, category: emoji.group ?? 0, label: emoji.label, version: 0, tags: emoji.tags ?? [], skins: complete };
    });
  const categories = messages.groups.filter((group) => group.order !== COMPONENT_GROUP).map((group) => ({ index: group.order, label: group.message }));
  return { locale: 'en', emojis, categories, skinTones };
};
