export const AVATAR_COLOURS = 8;

/**
 * A stable colour per room so a room looks the same on every start; FNV-1a spreads
 * similar ids (`!abc`, `!abd`) across the palette.
 */
export const avatarColourClass = (id: string): string => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `avatar-c${(hash >>> 0) % AVATAR_COLOURS}`;
};
