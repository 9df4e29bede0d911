import { useTranslation } from 'react-i18next';
import type { ReplyQuote as Quote } from '../../../../shared/model/conversation.ts';
import { useMessageActions } from './message-actions.ts';

/** The message a reply answers, above its body; a button that goes to the original. */
export const ReplyQuote = ({ quote }: { quote: Quote }) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
  const text = quote.deleted ? t('reply.deleted') : (quote.excerpt ?? t('reply.unavailable'));
  return (
    <button
      type="button"
      className={`reply-quote${quote.deleted || quote.excerpt === null ? ' unavailable' : ''}`}
      data-testid="reply-quote"
      aria-label={quote.senderName === null ? t('reply.goToUnknown') : t('reply.goTo', { name: quote.senderName })}
      onClick={() => {
        actions?.jumpTo(quote.eventId);
      }}
    >
      {quote.senderName !== null && <span className="reply-quote-sender">{quote.senderName}</span>}
      <span className="reply-quote-text">{text}</span>
    </button>
  );
};
