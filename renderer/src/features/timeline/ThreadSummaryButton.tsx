import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../../../../shared/model/conversation.ts';
import type { ActionableItem } from './message-actions.ts';
import { useMessageActions } from './message-actions.ts';

/** On a thread's root: how many replies, opening the thread beside the room. */
export const ThreadSummaryButton = ({ item, thread }: { item: ActionableItem; thread: ThreadSummary }) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
  const openThread = actions?.openThread ?? null;
  const latest = thread.latestSenderName !== null && thread.latestExcerpt !== null ? `${thread.latestSenderName}: ${thread.latestExcerpt}` : null;
  return (
    <button
      type="button"
      className="thread-summary link-button"
      data-testid="thread-summary"
      disabled={openThread === null}
      onClick={() => {
        openThread?.(item);
      }}
    >
      <span className="thread-count">{t('thread.replies', { count: thread.count })}</span>
      {latest !== null && <span className="thread-latest muted">{latest}</span>}
    </button>
  );
};
