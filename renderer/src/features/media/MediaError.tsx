import { useTranslation } from 'react-i18next';
import type { MediaError as MediaErrorValue } from './media-store.ts';
import { megabytes } from './media-kind.ts';

/** A media error in the member's language; "too large" says the server's limit. */
export const MediaError = ({ error, onDismiss }: { error: MediaErrorValue | null; onDismiss?: () => void }) => {
  const { t } = useTranslation();
  if (error === null) {
    return null;
  }
  const text =
    error.code === 'file_too_large' && error.limitBytes !== undefined
      ? t('media.tooLarge', { limitMb: megabytes(error.limitBytes) })
      : t(`errors.${error.code}`);
  return (
    <p className="error-text media-error" role="alert" data-testid="media-error" data-code={error.code}>
      {text}
      {onDismiss !== undefined && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('media.dismiss')}
        </button>
      )}
    </p>
  );
};
