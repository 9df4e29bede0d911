import type { i18n as I18n } from 'i18next';
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/model/settings.ts';
import en from './en.json';
import id from './id.json';

export const catalogues = { id, en } as const;

/** One i18next instance per app (and per test), never the global one. */
export const createI18n = (language: Language): I18n => {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: language,
    fallbackLng: 'id',
    supportedLngs: ['id', 'en'],
    // React escapes what it renders; escaping here too would show &amp; to members.
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  return i18n;
};
