import { useTranslation } from 'react-i18next';

/** Keys and what they do, as the composer and the timeline handle them. */
const SHORTCUTS = [
  { keys: ['Enter'], what: 'shortcuts.send' },
  { keys: ['Shift', 'Enter'], what: 'shortcuts.newline' },
  { keys: ['↑'], what: 'shortcuts.editLast' },
  { keys: ['Esc'], what: 'shortcuts.cancel' },
  { keys: ['@'], what: 'shortcuts.mention' },
  { keys: ['Shift', 'F10'], what: 'shortcuts.menu' },
  { keys: ['PageUp'], what: 'shortcuts.page' },
  { keys: ['PageDown'], what: 'shortcuts.page' },
  { keys: ['Home'], what: 'shortcuts.home' },
  { keys: ['End'], what: 'shortcuts.end' },
] as const;

export const ShortcutList = () => {
  const { t } = useTranslation();
  return (
    <section className="settings-shortcuts" aria-labelledby="settings-shortcuts-title">
      <h3 id="settings-shortcuts-title">{t('shortcuts.title')}</h3>
      <dl className="shortcuts" data-testid="shortcuts">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.keys.join('+')} className="shortcut" style={{ display: 'contents' }}>
            <dt>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && ' + '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(shortcut.what)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};
