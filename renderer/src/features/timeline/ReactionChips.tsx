import { useTranslation } from 'react-i18next';
import type { ReactionGroup } from '../../../../shared/model/conversation.ts';
import { MAX_REACTION_KEY } from '../../../../shared/model/conversation.ts';
import { useMessageActions } from './message-actions.ts';
import { reactorsText } from './reaction-words.ts';

/**
 * The reactions under a message, one chip an emoji; a chip toggles this member's reaction.
 * A key can be any text another client sent: it is shown as text, cut by CSS to one short line.
 */
/** A key for the screen reader: as long as the contract allows at most, never a page of text. */
const spokenKey = (key: string): string => {
  if (key.length <= MAX_REACTION_KEY) {
    return key;
  }
  // Cut between characters as people see them, so no emoji is split in half.
  const graphemes = Array.from(new Intl.Segmenter().segment(key), (part) => part.segment);
  return graphemes.length > MAX_REACTION_KEY ? `${graphemes.slice(0, MAX_REACTION_KEY).join('')}…` : key;
};

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
            aria-label={t('reactions.chip', { key: spokenKey(group.key), count: group.count, who })}
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
