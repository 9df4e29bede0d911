import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { CloseIcon } from '../../ui/icons.ts';
import { noticeText } from './notices-store.ts';

/** Reminders about proposals, bottom right: a click opens the proposal, × dismisses. */
export const CoopNotices = () => {
  const { t } = useTranslation();
  const { notices } = useStores();
  const items = useStore(notices.store, (state) => state.items);
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="toasts" role="region" aria-label={t('coop.notice.region')}>
      {items.map((item) => (
        <div key={item.key} className="toast" role="status" data-testid="coop-notice" data-kind={item.kind} data-proposal-id={item.proposalId}>
          <button
            type="button"
            className="toast-body"
            data-testid="coop-notice-open"
            onClick={() => {
              notices.open(item.key);
            }}
          >
            {noticeText(item, t)}
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="coop-notice-dismiss"
            aria-label={t('coop.notice.dismiss')}
            title={t('coop.notice.dismiss')}
            onClick={() => {
              notices.dismiss(item.key);
            }}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
};
