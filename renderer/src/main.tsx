import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.tsx';
import { createApp } from './app/create-app.ts';
import { StoresContext } from './lib/stores-context.ts';
import { createI18n } from './i18n/i18n.ts';
import { systemLanguage } from './i18n/language.ts';
import { openMessenger } from './lib/messenger.ts';
import { browserNotifier } from './lib/system-notifications.ts';
// The colour emoji font (Twemoji, one 470 KB COLRv0 file), before the styles that name it.
import 'twemoji-colr-font/twemoji.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/rooms.css';
import './styles/timeline.css';
import './styles/security.css';
import './styles/coop.css';
import './styles/media.css';
import './styles/import.css';
import './styles/conversation.css';

const i18n = createI18n(systemLanguage(navigator.languages));
const setDocumentLanguage = (language: string): void => {
  document.documentElement.lang = language;
};
setDocumentLanguage(i18n.language);
i18n.on('languageChanged', setDocumentLanguage);

const app = createApp({
  transport: openMessenger(),
  systemLanguages: () => navigator.languages,
  applyLanguage: (language) => void i18n.changeLanguage(language),
  isFocused: () => document.hasFocus() && document.visibilityState === 'visible',
  notifier: browserNotifier(),
});

window.addEventListener('focus', app.windowFocused);
window.addEventListener('languagechange', app.stores.settings.systemLanguagesChanged);
// Closing or reloading the window must not lose the last keystrokes of a draft.
window.addEventListener('pagehide', app.stores.composer.flush);

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no #root');
}
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <StoresContext value={app.stores}>
        <App />
      </StoresContext>
    </I18nextProvider>
  </StrictMode>,
);
void app.start();
