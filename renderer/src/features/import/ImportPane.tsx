import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { CloseIcon } from '../../ui/icons.ts';
import { ChooseChatStep } from './ChooseChatStep.tsx';
import { JobStep } from './JobStep.tsx';
import { PickStep } from './PickStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';

/** "Import from WhatsApp": the main pane while it is open, step by step. */
export const ImportPane = () => {
  const { t } = useTranslation();
  const { imports } = useStores();
  const step = useStore(imports.store, (state) => state.step);
  return (
    <section className="import-pane" data-testid="import-pane" aria-labelledby="import-title">
      <header className="import-header">
        <h2 id="import-title">{t('import.title')}</h2>
        <button
          type="button"
          className="icon-button"
          data-testid="import-close"
          aria-label={t('dialog.close')}
          title={t('dialog.close')}
          onClick={imports.hide}
        >
          <CloseIcon />
        </button>
      </header>
      {(step === 'pick' || step === 'uploading') && <PickStep />}
      {step === 'chooseChat' && <ChooseChatStep />}
      {step === 'preview' && <PreviewStep />}
      {step === 'job' && <JobStep />}
    </section>
  );
};
