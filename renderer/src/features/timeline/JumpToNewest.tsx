import { useTranslation } from 'react-i18next';
import { JumpDownIcon } from '../../ui/icons.ts';

export type JumpToNewestProps = {
  /** Messages from others that arrived since the member scrolled away; null when not known. */
  unread: number | null;
  onJump: () => void;
};

/** Back to the newest message, for a member scrolled up or reading an older window. */
export const JumpToNewest = ({ unread, onJump }: JumpToNewestProps) => {
  const { t } = useTranslation();
  const label = unread !== null && unread > 0 ? t('timeline.jumpToNewestUnread', { count: unread }) : t('timeline.jumpToNewest');
  return (
    <button type="button" className="jump-newest" data-testid="jump-newest" aria-label={label} title={label} onClick={onJump}>
      <JumpDownIcon />
      {unread !== null && unread > 0 && <span className="jump-newest-count">{unread}</span>}
    </button>
  );
};
