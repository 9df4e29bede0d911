export { createSettingsStore } from './settings-store.ts';
export type { SettingsDeps, SettingsState, SettingsStore } from './settings-store.ts';
export { SettingsDialog } from './SettingsDialog.tsx';
