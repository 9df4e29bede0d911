import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { Language } from '../../../../shared/model/settings.ts';
import { effectiveLanguage } from '../../i18n/language.ts';

export type SettingsState = {
  /** What the member chose; null follows the system. Undefined until main answers. */
  chosen: Language | null | undefined;
  /** The language the UI is in right now. */
  language: Language;
  /** Read receipts sent privately (m.read.private); false until main answers. */
  privateReceipts: boolean;
  saving: boolean;
  error: ErrorCode | null;
};

export type SettingsStore = {
  store: StoreApi<SettingsState>;
  load: () => Promise<void>;
  setLanguage: (language: Language | null) => Promise<void>;
  setPrivateReceipts: (privateReceipts: boolean) => Promise<void>;
  /** The system's preferred languages changed (`languagechange`). */
  systemLanguagesChanged: () => void;
};

export type SettingsDeps = {
  systemLanguages: () => readonly string[];
  /** Switches the UI, e.g. i18next's changeLanguage. */
  applyLanguage: (language: Language) => void;
};

export const createSettingsStore = (bridge: Bridge, deps: SettingsDeps): SettingsStore => {
  const store = createStore<SettingsState>(() => ({
    chosen: undefined,
    language: effectiveLanguage(null, deps.systemLanguages()),
    privateReceipts: false,
    saving: false,
    error: null,
  }));

  const adopt = (chosen: Language | null | undefined): void => {
    const language = effectiveLanguage(chosen ?? null, deps.systemLanguages());
    if (language !== store.getState().language) {
      deps.applyLanguage(language);
    }
    store.setState({ chosen, language });
  };

  const load = async (): Promise<void> => {
    const result = await bridge.invoke('settings:get', {});
    if (result.ok) {
      adopt(result.value.language);
      store.setState({ privateReceipts: result.value.privateReceipts });
    }
  };

  const setLanguage = async (language: Language | null): Promise<void> => {
    store.setState({ saving: true, error: null });
    const result = await bridge.invoke('settings:setLanguage', { language });
    if (result.ok) {
      adopt(result.value.language);
      store.setState({ saving: false });
    } else {
      store.setState({ saving: false, error: result.error.code });
    }
  };

  const setPrivateReceipts = async (privateReceipts: boolean): Promise<void> => {
    store.setState({ saving: true, error: null });
    const result = await bridge.invoke('settings:setPrivateReceipts', { privateReceipts });
    store.setState(result.ok ? { saving: false, privateReceipts: result.value.privateReceipts } : { saving: false, error: result.error.code });
  };

  const systemLanguagesChanged = (): void => {
    const { chosen } = store.getState();
    if (chosen === null || chosen === undefined) {
      adopt(chosen);
    }
  };

  return { store, load, setLanguage, setPrivateReceipts, systemLanguagesChanged };
};
