import type { Bilingual } from '../../../../shared/model/coop.ts';

/** The UI language as the view models name it: English, or else Bahasa Indonesia. */
export const uiLanguage = (language: string): 'id' | 'en' => (language.toLowerCase().startsWith('en') ? 'en' : 'id');

/** A name from a view model in the member's language. */
export const pickName = (name: Bilingual, language: string): string => name[uiLanguage(language)];

/** A percentage for reading, at most two decimals in the locale's style ("66,67" in Indonesian). */
export const formatPercent = (value: number, language: string): string =>
  new Intl.NumberFormat(uiLanguage(language), { maximumFractionDigits: 2 }).format(value);

/** Basis points (10,000 = 100 %) as a percentage for reading. */
export const bpsPercent = (bps: number, language: string): string => formatPercent(bps / 100, language);

/** Main's percentage string ("66.67") for reading. */
export const percentText = (percent: string, language: string): string => formatPercent(Number(percent), language);

/** "2/3": exact fractions are shown as main computed them, never rounded. */
export const fractionText = ({ num, den }: { num: string | number; den: string | number }): string => `${String(num)}/${String(den)}`;
