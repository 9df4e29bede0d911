import { useTranslation } from 'react-i18next';
import type { ReactionGroup } from '../../../../shared/model/conversation.ts';
import { useMessageActions } from './message-actions.ts';
import { reactorsText } from './reaction-words.ts';

/**
 * The reactions under a message, one chip an emoji; a chip toggles this member's reaction.
 * A key can be any text another client sent: it is shown as text, cut by CSS to one short line.
 */
export const ReactionChips = ({ eventId, reactions }: { eventId: string; reactions: readonly ReactionGroup[] }) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
  if (reactions.length === 0) {
    return null;
  }
  return (
    <div className="reactions" role="group" aria-label={t('reactions.label')} data-testid="reactions">
      {reactions.map((group) => {
        const who = reactorsText(group, t);
        return (
          <button
            key={group.key}
            type="button"
            className={group.mine ? 'reaction-chip mine' : 'reaction-chip'}
            data-testid="reaction-chip"
            aria-pressed={group.mine}
            aria-label={t('reactions.chip', { key: group.key, count: group.count, who })}
            title={who}
            onClick={() => {
              actions?.react(eventId, group.key);
            }}
          >
            <span className="reaction-key">{group.key}</span>
            <span className="reaction-count">{group.count}</span>
          </button>
        );
      })}
    </div>
  );
};
