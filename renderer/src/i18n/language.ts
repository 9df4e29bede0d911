import type { Language } from '../../../shared/model/settings.ts';

/**
 * The language to use when the member has not chosen one: the first of the system's
 * preferred languages that we have, and Bahasa Indonesia otherwise, since Rembuk is
 * Indonesian first. `in` is the old ISO code some systems still report for Indonesian.
 */
export const systemLanguage = (preferred: readonly string[]): Language => {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'id' || primary === 'in') {
      return 'id';
    }
    if (primary === 'en') {
      return 'en';
    }
  }
  return 'id';
};

export const effectiveLanguage = (chosen: Language | null, preferred: readonly string[]): Language => chosen ?? systemLanguage(preferred);
