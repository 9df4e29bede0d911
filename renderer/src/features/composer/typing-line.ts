import type { TFunction } from 'i18next';

/** "Budi sedang mengetik…", "Budi dan Sari …", "3 orang …"; null when nobody is. */
export const typingLine = (names: readonly string[], t: TFunction): string | null => {
  const [first, second] = names;
  if (first === undefined) {
    return null;
  }
  if (second === undefined) {
    return t('typing.one', { name: first });
  }
  if (names.length === 2) {
    return t('typing.two', { first, second });
  }
  return t('typing.many', { count: names.length });
};
