import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { MessageMeta } from '../media/index.ts';
import { LinkPreviewCard } from './LinkPreviewCard.tsx';
import { useMessageActions } from './message-actions.ts';
import { MessageBody } from './MessageBody.tsx';
import { MessageFrame } from './MessageFrame.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';

export type MessageItemProps = {
  item: Extract<TimelineItem, { kind: 'message' }>;
  /** Same sender as the message above, shortly after: no need to repeat the name. */
  continuation: boolean;
  onRetry: (itemId: string) => Promise<IpcResult<null>>;
};

export const MessageItem = ({ item, continuation, onRetry }: MessageItemProps) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
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
    item.mentionsMe === true ? 'mentions-me' : '',
  ];

  const retry = async (): Promise<void> => {
    setRetryError(null);
    const result = await onRetry(item.id);
    if (!result.ok) {
      setRetryError(result.error.code);
    }
  };

  // Versions exist only for a real edit on the server, not for an imported "(edited)" note.
  const showVersions =
    item.edited && item.eventId !== null && actions !== null
      ? () => {
          actions.showVersions(item);
        }
      : undefined;

  return (
    <MessageFrame item={item} quoteInside>
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
          {item.replyTo !== undefined && <ReplyQuote quote={item.replyTo} />}
          <MessageBody item={item} />
          <LinkPreviewCard item={item} />
          <MessageMeta item={item} edited={item.edited || imported?.edited === true} onEdited={showVersions} />
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
    </MessageFrame>
  );
};
