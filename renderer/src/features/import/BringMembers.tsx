import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { KnockRequest, RoomLink } from '../../../../shared/model/import.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { QrCode } from './QrCode.tsx';

/** Requests to join are looked for this often while the panel is open. */
const KNOCK_POLL_MS = 5000;

const CopyBox = ({ label, text, testId }: { label: string; text: string; testId: string }) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copy-box">
      <label className="field">
        <span>{label}</span>
        <textarea
          readOnly
          data-testid={testId}
          value={text}
          rows={Math.min(8, text.split('\n').length + 1)}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
      </label>
      <button
        type="button"
        data-testid={`${testId}-copy`}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => {
              setCopied(true);
            },
            () => {
              setCopied(false);
            },
          );
        }}
      >
        {copied ? t('import.invite.copied') : t('import.invite.copy')}
      </button>
    </div>
  );
};

/**
 * After the import: the way in for the old group. A link (and its QR code) to the room, a
 * message to paste into the WhatsApp group in both languages, and the people who asked to
 * join, each let in with one click (an invite, which also hands over the history's keys).
 */
export const BringMembers = ({ roomId, groupName }: { roomId: string; groupName: string }) => {
  const { t } = useTranslation();
  const { imports } = useStores();
  const [roomLink, setRoomLink] = useState<RoomLink | null>(null);
  const [knocks, setKnocks] = useState<KnockRequest[]>([]);
  const [error, setError] = useState<ErrorCode | null>(null);

  const loadKnocks = useCallback(async (): Promise<void> => {
    const result = await imports.knocks(roomId);
    if (result.ok) {
      setKnocks(result.value);
    }
  }, [imports, roomId]);

  useEffect(() => {
    let live = true;
    void imports.link(roomId).then((result) => {
      if (live) {
        if (result.ok) {
          setRoomLink(result.value);
        } else {
          setError(result.error.code);
        }
      }
    });
    // The poll answers through `live` as the link does: a late answer must not land after unmount.
    const refreshKnocks = (): void => {
      void imports.knocks(roomId).then((result) => {
        if (live && result.ok) {
          setKnocks(result.value);
        }
      });
    };
    refreshKnocks();
    const timer = setInterval(refreshKnocks, KNOCK_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [imports, roomId]);

  const letIn = async (userId: string): Promise<void> => {
    setError(null);
    const result = await imports.letIn(roomId, userId);
    if (!result.ok) {
      setError(result.error.code);
    }
    await loadKnocks();
  };

  return (
    <section className="bring-members" data-testid="import-bring-members">
      <h3>{t('import.invite.title')}</h3>
      <p>{t('import.invite.intro')}</p>
      {roomLink !== null && (
        <>
          <p className="invite-link">
            <a href={roomLink.link} data-testid="import-link" target="_blank" rel="noreferrer noopener">
              {roomLink.link}
            </a>
          </p>
          <QrCode text={roomLink.link} label={t('import.invite.qr')} testId="import-qr" />
          <CopyBox
            label={t('import.invite.messageId')}
            text={t('import.invite.message', { lng: 'id', url: roomLink.link, group: groupName })}
            testId="import-message-id"
          />
          <CopyBox
            label={t('import.invite.messageEn')}
            text={t('import.invite.message', { lng: 'en', url: roomLink.link, group: groupName })}
            testId="import-message-en"
          />
        </>
      )}
      <h4>{t('import.invite.requests')}</h4>
      {knocks.length === 0 ? (
        <p className="muted">{t('import.invite.noRequests')}</p>
      ) : (
        <ul className="knock-list">
          {knocks.map((knock) => (
            <li key={knock.userId} data-testid="knock-row">
              <span>
                {knock.displayName} <span className="muted">{knock.userId}</span>
              </span>
              <button type="button" className="primary" data-testid="knock-accept" onClick={() => void letIn(knock.userId)}>
                {t('import.invite.letIn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert code={error} />
    </section>
  );
};
