import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { MAX_CAPTION_LENGTH } from '../../../../shared/model/media.ts';
import { useStores } from '../../lib/stores-context.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { MediaError } from './MediaError.tsx';
import { formatBytes } from './media-kind.ts';
import type { StagedFile } from './media-store.ts';

/** A staged file as the preview shows it: the picture itself, or its name and size. */
const StagedRow = ({ staged, onVoice }: { staged: StagedFile; onVoice: (voice: boolean) => void }) => {
  const { t, i18n } = useTranslation();
  const isImage = staged.kind === 'image';
  // A blob: URL of the member's own file, for the preview only; revoked when it goes.
  const preview = useMemo(() => (isImage ? URL.createObjectURL(staged.file) : null), [isImage, staged.file]);
  useEffect(
    () => () => {
      if (preview !== null) {
        URL.revokeObjectURL(preview);
      }
    },
    [preview],
  );
  const audio = staged.kind === 'audio' || staged.kind === 'voice';
  return (
    <li className="staged-file" data-testid="staged-file" data-kind={staged.kind}>
      {preview !== null && <img className="staged-preview" src={preview} alt="" />}
      <span className="staged-name">{staged.file.name}</span>
      <span className="muted">{formatBytes(staged.file.size, i18n.language)}</span>
      {audio && (
        <label className="staged-voice">
          <input
            type="checkbox"
            data-testid="staged-voice"
            checked={staged.kind === 'voice'}
            onChange={(event) => {
              onVoice(event.target.checked);
            }}
          />
          {t('media.asVoice')}
        </label>
      )}
    </li>
  );
};

/** The files about to go, with an optional caption: nothing leaves before Send. */
export const AttachmentPreview = () => {
  const { t } = useTranslation();
  const { media } = useStores();
  const staged = useStore(media.store, (state) => state.staged);
  const error = useStore(media.store, (state) => state.error);
  if (staged === null) {
    return null;
  }
  return (
    <Dialog title={t('media.previewTitle', { count: staged.files.length })} onClose={media.unstage} testId="attachment-preview">
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          void media.send();
        }}
      >
        <ul className="staged-files">
          {staged.files.map((file) => (
            <StagedRow
              key={file.key}
              staged={file}
              onVoice={(voice) => {
                media.setVoice(file.key, voice);
              }}
            />
          ))}
        </ul>
        <label className="field">
          <span>{t('media.caption')}</span>
          <input
            type="text"
            data-testid="attachment-caption"
            maxLength={MAX_CAPTION_LENGTH}
            value={staged.caption}
            autoFocus
            onChange={(event) => {
              media.setCaption(event.target.value);
            }}
          />
        </label>
        <MediaError error={error} />
        <div className="dialog-footer">
          <button type="button" onClick={media.unstage}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="attachment-send">
            {t('media.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
};
