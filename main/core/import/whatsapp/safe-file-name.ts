/**
 * A file name taken from chat text is attacker-controlled: anyone in the group can type
 * `../../evil.txt (file attached)`. Such a name is never looked up, in an archive or on disk.
 */

/** C0 controls and DEL: never part of a real file name, and a way to confuse logs and terminals. */
export const hasControlCharacter = (name: string): boolean => {
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) {
      return true;
    }
  }
  return false;
};

export const isUnsafeFileName = (name: string): boolean =>
  name === '' || name.includes('/') || name.includes('\\') || name.includes('..') || /^[A-Za-z]:/.test(name) || hasControlCharacter(name);
