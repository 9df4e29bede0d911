import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';

export type SystemItemProps = {
  item: Exclude<TimelineItem, { kind: 'message' | 'media' | 'poll' | 'sticker' | 'location' }>;
};

/** Events that are not messages, as one centred line of what happened. */
export const SystemItem = ({ item }: SystemItemProps) => {
  const { t } = useTranslation();
  const text = (() => {
    switch (item.kind) {
      case 'membership':
        return t(`membership.${item.change}`, { name: item.target, sender: item.senderName });
      case 'roomCreated':
        return t('event.roomCreated', { sender: item.senderName });
      case 'roomRenamed':
        return t('event.roomRenamed', { sender: item.senderName, name: item.name });
      case 'encrypted':
        return (
          <>
            {t('event.encrypted', { sender: item.senderName })}
            <span className="system-item-why">{t('event.encryptedWhy')}</span>
          </>
        );
      case 'redacted':
        return t('event.redacted');
      case 'unsupported':
        return t('event.unsupported', { type: item.type });
    }
  })();
  return (
    <div className={`system-item kind-${item.kind}`} data-testid="timeline-item" data-item-id={item.id} data-kind={item.kind}>
      {text}
    </div>
  );
};
