import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { FileIcon } from '../../ui/icons.ts';
import { MediaError } from './MediaError.tsx';
import { MediaViewer } from './MediaViewer.tsx';
import { TransferBar } from './TransferBar.tsx';
import { formatBytes } from './media-kind.ts';
import { MessageMeta } from './MessageMeta.tsx';

export type MediaTimelineItem = Extract<TimelineItem, { kind: 'media' }>;

export type MediaItemProps = {
  item: MediaTimelineItem;
  roomId: string;
  continuation: boolean;
};

const duration = (ms: number | null): string | null => {
  if (ms === null) {
    return null;
  }
  const seconds = Math.round(ms / 1000);
  return `${String(Math.floor(seconds / 60))}:${String(seconds % 60).padStart(2, '0')}`;
};

/** What the item shows of its file: the picture, a player, or the file's name and size with Download. */
const MediaBody = ({ item, onOpen, onSave }: { item: MediaTimelineItem; onOpen: () => void; onSave: () => void }) => {
  const { t, i18n } = useTranslation();
  switch (item.msgtype) {
    case 'image': {
      const src = item.thumbnailUrl ?? item.mediaUrl;
      const ratio = item.width !== null && item.height !== null ? `${String(item.width)} / ${String(item.height)}` : undefined;
      return src === null ? (
        <p className="muted">{item.filename}</p>
      ) : (
        <button type="button" className="media-image-button" onClick={onOpen} aria-label={t('media.open', { name: item.filename })} data-testid="media-open">
          <img className="media-image" src={src} alt={item.caption ?? item.filename} style={{ aspectRatio: ratio }} data-testid="media-image" />
        </button>
      );
    }
    case 'audio':
    case 'voice':
      return (
        <div className="media-audio">
          <span className="media-audio-label">
            {item.msgtype === 'voice' ? t('media.voiceNote') : item.filename}
            {item.durationMs !== null && <span className="muted"> · {duration(item.durationMs)}</span>}
          </span>
          {item.mediaUrl !== null && <audio controls preload="metadata" src={item.mediaUrl} data-testid="media-audio" />}
        </div>
      );
    case 'video':
      return item.mediaUrl === null ? (
        <p className="muted">{item.filename}</p>
      ) : (
        <video className="media-video" controls preload="metadata" src={item.mediaUrl} poster={item.thumbnailUrl ?? undefined} data-testid="media-video" />
      );
    case 'file':
      return (
        <div className="media-file">
          <FileIcon className="media-file-icon" />
          <span className="media-file-name" data-testid="media-filename">
            {item.filename}
          </span>
          {item.size !== null && <span className="muted media-file-size">{formatBytes(item.size, i18n.language)}</span>}
          <button type="button" data-testid="media-download" onClick={onSave} disabled={item.mediaUrl === null}>
            {t('media.download')}
          </button>
        </div>
      );
  }
};

/** An image, file, audio, voice note or video in the timeline, with its upload or download on the way. */
export const MediaItem = ({ item, roomId, continuation }: MediaItemProps) => {
  const { t } = useTranslation();
  const { media } = useStores();
  const transfer = useStore(media.store, (state) => state.transfers[item.id]);
  const limit = useStore(media.store, (state) => state.maxUploadBytes);
  const [viewing, setViewing] = useState(false);
  const [actionError, setActionError] = useState<ErrorCode | null>(null);
  const classes = [
    'message',
    'media-message',
    item.own ? 'own' : 'other',
    `media-${item.msgtype}`,
    continuation ? 'continuation' : '',
    `send-${item.sendState}`,
  ];

  const save = (): void => {
    void media.save(item);
  };
  const retry = async (): Promise<void> => {
    setActionError(null);
    const result = await media.retry(roomId, item.id);
    if (!result.ok) {
      setActionError(result.error.code);
    }
  };
  const cancel = async (): Promise<void> => {
    const result = await media.cancel(item.id);
    if (!result.ok) {
      setActionError(result.error.code);
    }
  };

  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid="timeline-item"
      data-item-id={item.id}
      data-kind="media"
      data-msgtype={item.msgtype}
      data-send-state={item.sendState}
      data-imported={item.imported === undefined ? undefined : 'true'}
    >
      {!continuation && !item.own && <div className="message-sender">{item.senderName}</div>}
      <div className="bubble media-bubble">
        <MediaBody
          item={item}
          onOpen={() => {
            setViewing(true);
          }}
          onSave={save}
        />
        {item.caption !== null && (
          <div className="message-body media-caption" data-testid="media-caption">
            {item.caption}
          </div>
        )}
        {transfer !== undefined && <TransferBar phase={transfer.phase} loaded={transfer.loaded} total={transfer.total} onCancel={() => void cancel()} />}
        {transfer === undefined && item.sendState === 'sending' && item.own && item.eventId === null && (
          <button type="button" className="link-button" data-testid="transfer-cancel" onClick={() => void cancel()}>
            {t('media.cancelTransfer')}
          </button>
        )}
        <MessageMeta item={item} />
      </div>
      {item.sendState === 'failed' && (
        <div className="failed-note">
          <span>{t('message.failed')}</span>
          {item.error !== null && <MediaError error={{ code: item.error, limitBytes: limit ?? undefined }} />}
          {item.error !== 'file_too_large' && (
            <button type="button" className="link-button" data-testid="message-retry" onClick={() => void retry()}>
              {t('message.retry')}
            </button>
          )}
          <button type="button" className="link-button" data-testid="media-discard" onClick={() => void cancel()}>
            {t('media.discard')}
          </button>
        </div>
      )}
      <ErrorAlert code={actionError} />
      {viewing && item.mediaUrl !== null && (
        <MediaViewer
          url={item.mediaUrl}
          name={item.filename}
          caption={item.caption}
          onSave={save}
          onClose={() => {
            setViewing(false);
          }}
        />
      )}
    </div>
  );
};
