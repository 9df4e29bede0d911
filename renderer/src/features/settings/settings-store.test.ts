import { describe, expect, it } from 'vitest';
import type { Language } from '../../../../shared/model/settings.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { createSettingsStore } from './settings-store.ts';

const setup = (system: string[], stored: Language | null) => {
  const bridge = createFakeBridge();
  let saved = stored;
  let privateReceipts = false;
  bridge.handle('settings:get', () => ok({ language: saved, privateReceipts }));
  bridge.handle('settings:setPrivateReceipts', (input) => {
    privateReceipts = input.privateReceipts;
    return ok({ language: saved, privateReceipts });
  });
  bridge.handle('settings:setLanguage', ({ language }) => {
    saved = language;
    return ok({ language, privateReceipts: false });
  });
  const applied: Language[] = [];
  const languages = { current: system };
  const store = createSettingsStore(bridge, {
    systemLanguages: () => languages.current,
    applyLanguage: (language) => applied.push(language),
  });
  return { bridge, store, applied, languages };
};

describe('settings store', () => {
  it('loads and saves the private read receipts choice', async () => {
    const { bridge, store } = setup(['id-ID'], null);
    await store.load();
    expect(store.store.getState().privateReceipts).toBe(false);
    await store.setPrivateReceipts(true);
    expect(bridge.callsTo('settings:setPrivateReceipts')).toEqual([{ privateReceipts: true }]);
    expect(store.store.getState()).toMatchObject({ privateReceipts: true, saving: false });
  });

  it('starts in the system language before main answers', () => {
    expect(setup(['en-US'], null).store.store.getState().language).toBe('en');
    expect(setup(['fr-FR'], null).store.store.getState().language).toBe('id');
  });

  it('uses the stored language over the system one', async () => {
    const { store, applied } = setup(['en-US'], 'id');
    await store.load();
    expect(store.store.getState()).toMatchObject({ chosen: 'id', language: 'id' });
    expect(applied).toEqual(['id']);
  });

  it('follows the system when nothing is stored', async () => {
    const { store, applied } = setup(['id-ID'], null);
    await store.load();
    expect(store.store.getState()).toMatchObject({ chosen: null, language: 'id' });
    expect(applied).toEqual([]);
  });

  it('switches language through main, and back to following the system', async () => {
    const { bridge, store, applied } = setup(['id-ID'], null);
    await store.load();
    await store.setLanguage('en');
    expect(bridge.callsTo('settings:setLanguage')).toEqual([{ language: 'en' }]);
    expect(store.store.getState()).toMatchObject({ chosen: 'en', language: 'en', saving: false });
    await store.setLanguage(null);
    expect(store.store.getState()).toMatchObject({ chosen: null, language: 'id' });
    expect(applied).toEqual(['en', 'id']);
  });

  it('follows a change of system languages only when following the system', async () => {
    const { store, applied, languages } = setup(['id-ID'], null);
    await store.load();
    languages.current = ['en-GB'];
    store.systemLanguagesChanged();
    expect(store.store.getState().language).toBe('en');
    await store.setLanguage('id');
    languages.current = ['en-US'];
    store.systemLanguagesChanged();
    expect(store.store.getState().language).toBe('id');
    expect(applied).toEqual(['en', 'id']);
  });

  it('keeps the language and reports the error when saving fails', async () => {
    const { bridge, store } = setup(['id-ID'], null);
    bridge.handle('settings:setLanguage', () => ({ ok: false, error: { code: 'internal' } }));
    await store.load();
    await store.setLanguage('en');
    expect(store.store.getState()).toMatchObject({ chosen: null, language: 'id', error: 'internal', saving: false });
  });
});
