import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../shared/ipc/errors.ts';
import { catalogues, createI18n } from './i18n.ts';
import { effectiveLanguage, systemLanguage } from './language.ts';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') {
      out.set(path, value);
    } else {
      for (const [inner, text] of flatten(value, path)) {
        out.set(inner, text);
      }
    }
  }
  return out;
};

const id = flatten(catalogues.id);
const en = flatten(catalogues.en);
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]!).sort();

describe('catalogues', () => {
  it('have exactly the same keys', () => {
    expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...id, ...en]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of id) {
      expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''));
    }
  });

  it('translate every error code', () => {
    for (const code of errorCode.options) {
      expect(id.has(`errors.${code}`), `id errors.${code}`).toBe(true);
      expect(en.has(`errors.${code}`), `en errors.${code}`).toBe(true);
    }
    expect([...id.keys()].filter((key) => key.startsWith('errors.')).length).toBe(errorCode.options.length);
  });
});

describe('createI18n', () => {
  it('translates in the requested language and switches', async () => {
    const i18n = createI18n('id');
    expect(i18n.t('errors.wrong_password')).toBe(catalogues.id.errors.wrong_password);
    await i18n.changeLanguage('en');
    expect(i18n.t('membership.joined', { name: 'Alice & Bob' })).toBe('Alice & Bob joined');
  });
});

describe('default language', () => {
  it('follows Indonesian and English system locales', () => {
    expect(systemLanguage(['id-ID'])).toBe('id');
    expect(systemLanguage(['in'])).toBe('id');
    expect(systemLanguage(['en-US', 'id'])).toBe('en');
    expect(systemLanguage(['en_GB'])).toBe('en');
  });

  it('takes the first language we have from the preference list', () => {
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de', 'id-ID', 'en'])).toBe('id');
  });

  it('is Bahasa Indonesia for anything else', () => {
    expect(systemLanguage(['fr-FR', 'ms-MY'])).toBe('id');
    expect(systemLanguage([])).toBe('id');
  });

  it('lets a chosen language win over the system', () => {
    expect(effectiveLanguage('en', ['id-ID'])).toBe('en');
    expect(effectiveLanguage(null, ['en-US'])).toBe('en');
  });
});
