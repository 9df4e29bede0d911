import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../ui/icons.ts';
import type { ReplyTarget } from './composer-store.ts';

export type ComposerBannerProps = {
  replyTo: ReplyTarget | null;
  editing: boolean;
  onCancel: () => void;
};

/** Above the composer while it answers a message ("Membalas Budi") or edits one; × or Esc ends it. */
export const ComposerBanner = ({ replyTo, editing, onCancel }: ComposerBannerProps) => {
  const { t } = useTranslation();
  if (!editing && replyTo === null) {
    return null;
  }
  return (
    <div className="composer-banner" data-testid="composer-banner" role="status">
      <div className="composer-banner-text">
        {editing ? (
          <strong>{t('edit.editing')}</strong>
        ) : (
          <>
            <strong>{t('reply.replyingTo', { name: replyTo?.senderName ?? '' })}</strong>
            <span className="composer-banner-excerpt muted">{replyTo?.excerpt}</span>
          </>
        )}
      </div>
      <button
        type="button"
        className="icon-button"
        data-testid="composer-banner-cancel"
        aria-label={editing ? t('edit.cancel') : t('reply.cancel')}
        title={editing ? t('edit.cancel') : t('reply.cancel')}
        onClick={onCancel}
      >
        <CloseIcon aria-hidden="true" />
      </button>
    </div>
  );
};
