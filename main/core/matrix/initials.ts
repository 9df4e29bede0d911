/** Up to two letters for an avatar: first letters of the first two words, sigils dropped. */
export const initialsOf = (name: string): string => {
  const words = name
    .replace(/^[@#!+]/, '')
    .split(/[\s:_.-]+/)
    .filter((word) => word.length > 0);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  const result = letters.join('').toUpperCase();
  return result.length > 0 ? result : '?';
};
