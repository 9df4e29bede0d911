import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** Step one: the export, picked or dropped; it goes to main as it is, read there, never here. */
export const PickStep = () => {
  const { t } = useTranslation();
  const { imports } = useStores();
  const step = useStore(imports.store, (state) => state.step);
  const upload = useStore(imports.store, (state) => state.upload);
  const error = useStore(imports.store, (state) => state.error);
  const [dragging, setDragging] = useState(false);
  const uploading = step === 'uploading';

  const take = (files: FileList | null): void => {
    const file = files?.[0];
    if (file !== undefined) {
      void imports.pickFile(file);
    }
  };

  return (
    <div className="import-step" data-testid="import-pick">
      <p>{t('import.pick.intro')}</p>
      <ol className="import-howto">
        <li>{t('import.pick.howto1')}</li>
        <li>{t('import.pick.howto2')}</li>
        <li>{t('import.pick.howto3')}</li>
      </ol>
      <label
        className={dragging ? 'import-drop dragging' : 'import-drop'}
        data-testid="import-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (!uploading) {
            take(event.dataTransfer.files);
          }
        }}
      >
        <span>{t('import.pick.drop')}</span>
        <input
          type="file"
          accept=".zip,.txt,application/zip,text/plain"
          data-testid="import-file-input"
          disabled={uploading}
          onChange={(event) => {
            take(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
      </label>
      {uploading && upload !== null && (
        <div role="status" className="import-upload">
          <progress max={Math.max(upload.total, 1)} value={upload.sent} />
          <span>{t('import.pick.reading')}</span>
        </div>
      )}
      <ErrorAlert code={error} testId="import-error" />
    </div>
  );
};
