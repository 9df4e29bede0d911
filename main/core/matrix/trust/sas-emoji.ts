import { SAS_EMOJI_KEYS, type SasEmoji, type SasEmojiKey } from '../../../../shared/model/verification.ts';

/**
 * The SAS emoji of the Matrix spec in spec order (index = the 6-bit number both sides
 * derive), with the spec's English names; `SAS_EMOJI_KEYS` holds the same list as
 * translation keys.
 */
const SPEC_EMOJI: readonly (readonly [symbol: string, name: string])[] = [
  ['🐶', 'Dog'],
  ['🐱', 'Cat'],
  ['🦁', 'Lion'],
  ['🐎', 'Horse'],
  ['🦄', 'Unicorn'],
  ['🐷', 'Pig'],
  ['🐘', 'Elephant'],
  ['🐰', 'Rabbit'],
  ['🐼', 'Panda'],
  ['🐓', 'Rooster'],
  ['🐧', 'Penguin'],
  ['🐢', 'Turtle'],
  ['🐟', 'Fish'],
  ['🐙', 'Octopus'],
  ['🦋', 'Butterfly'],
  ['🌷', 'Flower'],
  ['🌳', 'Tree'],
  ['🌵', 'Cactus'],
  ['🍄', 'Mushroom'],
  ['🌏', 'Globe'],
  ['🌙', 'Moon'],
  ['☁️', 'Cloud'],
  ['🔥', 'Fire'],
  ['🍌', 'Banana'],
  ['🍎', 'Apple'],
  ['🍓', 'Strawberry'],
  ['🌽', 'Corn'],
  ['🍕', 'Pizza'],
  ['🎂', 'Cake'],
  ['❤️', 'Heart'],
  ['😀', 'Smiley'],
  ['🤖', 'Robot'],
  ['🎩', 'Hat'],
  ['👓', 'Glasses'],
  ['🔧', 'Spanner'],
  ['🎅', 'Santa'],
  ['👍', 'Thumbs Up'],
  ['☂️', 'Umbrella'],
  ['⌛', 'Hourglass'],
  ['⏰', 'Clock'],
  ['🎁', 'Gift'],
  ['💡', 'Light Bulb'],
  ['📕', 'Book'],
  ['✏️', 'Pencil'],
  ['📎', 'Paperclip'],
  ['✂️', 'Scissors'],
  ['🔒', 'Lock'],
  ['🔑', 'Key'],
  ['🔨', 'Hammer'],
  ['☎️', 'Telephone'],
  ['🏁', 'Flag'],
  ['🚂', 'Train'],
  ['🚲', 'Bicycle'],
  ['✈️', 'Aeroplane'],
  ['🚀', 'Rocket'],
  ['🏆', 'Trophy'],
  ['⚽', 'Ball'],
  ['🎸', 'Guitar'],
  ['🎺', 'Trumpet'],
  ['🔔', 'Bell'],
  ['⚓', 'Anchor'],
  ['🎧', 'Headphones'],
  ['📁', 'Folder'],
  ['📌', 'Pin'],
];

// Some platforms (and SDKs) drop the emoji presentation selector U+FE0F: compare without it.
const bare = (symbol: string): string => symbol.replaceAll('\uFE0F', '');
const simple = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '');

const bySymbol = new Map<string, number>(SPEC_EMOJI.map(([symbol], index) => [bare(symbol), index]));
const byName = new Map<string, number>(SPEC_EMOJI.map(([, name], index) => [simple(name), index]));

export const SAS_EMOJI_COUNT = SPEC_EMOJI.length;

/** One emoji the SDK generated, as the renderer shows it; unknown ones keep the SDK's symbol and name. */
export const sasEmojiView = ([symbol, name]: readonly [string, string]): SasEmoji => {
  const index = bySymbol.get(bare(symbol)) ?? byName.get(simple(name));
  if (index === undefined) {
    return { symbol, name, key: null };
  }
  const [specSymbol, specName] = SPEC_EMOJI[index] as readonly [string, string];
  const key: SasEmojiKey = SAS_EMOJI_KEYS[index] as SasEmojiKey;
  return { symbol: specSymbol, name: specName, key };
};
