import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { activeJob } from './import-store.ts';

/** A line in the sidebar while an import goes on, so it can be followed from any room. */
export const ImportStatus = () => {
  const { t } = useTranslation();
  const { imports } = useStores();
  const job = useStore(imports.store, activeJob);
  if (job === null) {
    return null;
  }
  return (
    <button
      type="button"
      className="import-status link-button"
      data-testid="import-status"
      onClick={() => {
        imports.showJob(job.importId);
      }}
    >
      {t('import.status', { done: job.done, total: job.total, phase: t(`import.phase.${job.phase}`) })}
    </button>
  );
};
