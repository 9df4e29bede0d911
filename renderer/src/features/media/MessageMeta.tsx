import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { clockTime, fullTime } from '../../lib/format-time.ts';
import { PendingIcon } from '../../ui/icons.ts';
import { ImportedBadge } from '../import/index.ts';

type Messageish = Extract<TimelineItem, { kind: 'message' | 'media' }>;

/**
 * The line under a message or an attachment: "edited", then the original time of an
 * imported message, "sending…" while ours is on its way, or the time it was sent.
 */
export const MessageMeta = ({ item, edited = false, onEdited }: { item: Messageish; edited?: boolean; onEdited?: () => void }) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="message-meta">
      {edited &&
        (onEdited === undefined ? (
          <span className="edited">{t('message.edited')}</span>
        ) : (
          // The marker opens the versions: "what did it say before?" is the question it raises.
          <button type="button" className="edited link-button" data-testid="message-edited" title={t('edit.history')} onClick={onEdited}>
            {t('message.edited')}
          </button>
        ))}
      {item.imported !== undefined ? (
        <ImportedBadge imported={item.imported} />
      ) : item.sendState === 'sending' ? (
        <span className="send-state" role="status">
          <PendingIcon className="icon-lead" />
          {t('message.sending')}
        </span>
      ) : (
        <time dateTime={new Date(item.ts).toISOString()} title={fullTime(item.ts, i18n.language)}>
          {clockTime(item.ts, i18n.language)}
        </time>
      )}
    </div>
  );
};
