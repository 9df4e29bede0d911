import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** An archive with more than one chat text: the member says which is the group. */
export const ChooseChatStep = () => {
  const { t } = useTranslation();
  const { imports } = useStores();
  const choice = useStore(imports.store, (state) => state.choice);
  const busy = useStore(imports.store, (state) => state.busy);
  const error = useStore(imports.store, (state) => state.error);
  if (choice === null) {
    return null;
  }
  return (
    <div className="import-step" data-testid="import-choose-chat">
      <p>{t('import.choose.intro', { file: choice.fileName })}</p>
      <ul className="import-choices">
        {choice.candidates.map((name) => (
          <li key={name}>
            <button type="button" disabled={busy} onClick={() => void imports.chooseChat(name)}>
              {name}
            </button>
          </li>
        ))}
      </ul>
      <ErrorAlert code={error} />
      <button type="button" className="link-button" onClick={() => void imports.dropPreview()}>
        {t('import.pickAnother')}
      </button>
    </div>
  );
};
