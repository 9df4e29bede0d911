import { useTranslation } from 'react-i18next';
import type { DeliveryState, ReadReceipt } from '../../../../shared/model/conversation.ts';

const SHOWN = 3;

/** Who has read up to here: up to three initials and "+N", their names in the tooltip. */
export const ReadReceipts = ({ readBy }: { readBy: readonly ReadReceipt[] }) => {
  const { t } = useTranslation();
  if (readBy.length === 0) {
    return null;
  }
  const label = t('receipts.readers', { names: readBy.map((reader) => reader.name).join(', ') });
  const more = readBy.length - SHOWN;
  return (
    <div className="read-receipts" role="img" aria-label={label} title={label} data-testid="read-receipts">
      {readBy.slice(0, SHOWN).map((reader) => (
        <span key={reader.userId} className="receipt-avatar" aria-hidden="true">
          {reader.initials}
        </span>
      ))}
      {more > 0 && (
        <span className="receipt-more" aria-hidden="true">
          +{more}
        </span>
      )}
    </div>
  );
};

/** Under this member's newest message: sent, or read by how many. */
export const DeliveryLine = ({ delivery }: { delivery: DeliveryState }) => {
  const { t } = useTranslation();
  return (
    <div className="delivery" data-testid="delivery">
      {delivery.state === 'read' && delivery.readCount > 0 ? t('receipts.readBy', { count: delivery.readCount }) : t('receipts.sent')}
    </div>
  );
};
