import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { sanitizeHtml } from '../../lib/sanitize-html.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { MessageMeta } from '../media/index.ts';

export type MessageItemProps = {
  item: Extract<TimelineItem, { kind: 'message' }>;
  /** Same sender as the message above, shortly after: no need to repeat the name. */
  continuation: boolean;
  onRetry: (itemId: string) => Promise<IpcResult<null>>;
};

const MessageBody = ({ item }: Pick<MessageItemProps, 'item'>) => {
  const safeHtml = useMemo(() => (item.html === null ? null : sanitizeHtml(item.html)), [item.html]);
  const prefix = item.msgtype === 'emote' ? `* ${item.senderName} ` : '';
  if (safeHtml !== null) {
    return (
      <div className="message-body" data-testid="message-body">
        {prefix}
        {/* The only raw HTML in the app, and only after the Matrix allow-list. */}
        <span className="formatted" dangerouslySetInnerHTML={{ __html: safeHtml }} />
      </div>
    );
  }
  return (
    <div className="message-body" data-testid="message-body">
      {prefix}
      {item.body}
    </div>
  );
};

export const MessageItem = ({ item, continuation, onRetry }: MessageItemProps) => {
  const { t } = useTranslation();
  const [retryError, setRetryError] = useState<ErrorCode | null>(null);
  const imported = item.imported;
  const classes = [
    'message',
    item.own ? 'own' : 'other',
    `msgtype-${item.msgtype}`,
    continuation ? 'continuation' : '',
    `send-${item.sendState}`,
    imported === undefined ? '' : 'imported',
    imported?.system === true ? 'imported-system' : '',
  ];

  const retry = async (): Promise<void> => {
    setRetryError(null);
    const result = await onRetry(item.id);
    if (!result.ok) {
      setRetryError(result.error.code);
    }
  };

  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="timeline-item"
      data-item-id={item.id}
      data-kind="message"
      data-send-state={item.sendState}
      data-imported={imported === undefined ? undefined : 'true'}
    >
      {!continuation && !item.own && item.senderName !== '' && imported?.system !== true && (
        <div className="message-sender" data-testid="message-sender">
          {item.senderName}
        </div>
      )}
      <div className="bubble">
        <MessageBody item={item} />
        <MessageMeta item={item} edited={item.edited || imported?.edited === true} />
      </div>
      {item.sendState === 'failed' && (
        <div className="failed-note">
          <span>{t('message.failed')}</span>
          <button type="button" className="link-button" data-testid="message-retry" onClick={() => void retry()}>
            {t('message.retry')}
          </button>
        </div>
      )}
      <ErrorAlert code={retryError} />
    </div>
  );
};
