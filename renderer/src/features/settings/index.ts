import type { SettingsStore } from './settings-store.ts';
export { createSettingsStore } from './settings-store.ts';
export type { SettingsDeps, SettingsState, SettingsStore } from './settings-store.ts';
export { SettingsDialog } from './SettingsDialog.tsx';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    settings: SettingsStore;
  }
}
