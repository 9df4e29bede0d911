import { useTranslation } from 'react-i18next';
import { BackIcon } from './icons.ts';

export type BackToListButtonProps = {
  onClick: () => void;
};

/**
 * Back from the open room (or co-op) to the list. Only a narrow window shows it: there the
 * list and the room take the whole width in turn (layout.css), so this is the way back.
 */
export const BackToListButton = ({ onClick }: BackToListButtonProps) => {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="icon-button narrow-only"
      data-testid="back-to-list"
      aria-label={t('app.backToList')}
      title={t('app.backToList')}
      onClick={onClick}
    >
      <BackIcon />
    </button>
  );
};
