import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { SasEmoji, VerificationView } from '../../../../shared/model/verification.ts';
import { useStores } from '../../lib/stores-context.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { currentVerification } from './verification-store.ts';

const EmojiGrid = ({ emoji }: { emoji: readonly SasEmoji[] }) => {
  const { t, i18n } = useTranslation();
  return (
    <ol className="sas-emoji" data-testid="sas-emoji">
      {emoji.map((item, index) => (
        // The same emoji can come twice: the position is part of what is compared.
        <li key={index} className="sas-emoji-item" data-testid="sas-emoji-item" data-key={item.key ?? item.name}>
          <span className="sas-symbol" aria-hidden="true">
            {item.symbol}
          </span>
          <span className="sas-name">{item.key === null ? item.name : t(`sasEmoji.${item.key}`)}</span>
          {/* The spec's English name too, for comparing with a screen in English (Element, another Rembuk). */}
          {i18n.language !== 'en' && item.key !== null && (
            <span className="sas-name-en muted" lang="en">
              {item.name}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
};

const Body = ({ item }: { item: VerificationView }) => {
  const { t } = useTranslation();
  const { verification } = useStores();
  const user = item.otherUserId;
  const device = item.otherDeviceId ?? '';
  const button = (label: string, testId: string, onClick: () => Promise<void>, primary = false) => (
    <button type="button" className={primary ? 'primary' : undefined} data-testid={testId} onClick={() => void onClick()}>
      {label}
    </button>
  );
  const cancel = button(t('verification.cancel'), 'verification-cancel', () => verification.cancel(item.id));
  const close = button(t('verification.close'), 'verification-close', () => verification.dismiss(item.id), true);

  switch (item.phase) {
    case 'requested':
      return item.initiatedByMe ? (
        <>
          <p>{item.selfVerification ? t('verification.waitingAccept') : t('verification.waitingAcceptUser', { user })}</p>
          <div className="dialog-footer">{cancel}</div>
        </>
      ) : (
        <>
          <p>{item.selfVerification ? t('verification.incomingDevice', { device }) : t('verification.incomingUser', { user })}</p>
          <div className="dialog-footer">
            {button(t('verification.decline'), 'verification-decline', () => verification.cancel(item.id))}
            {button(t('verification.accept'), 'verification-accept', () => verification.accept(item.id), true)}
          </div>
        </>
      );
    case 'ready':
      return (
        <>
          <p>{t('verification.ready')}</p>
          <div className="dialog-footer">
            {cancel}
            {button(t('verification.startSas'), 'verification-start', () => verification.startSas(item.id), true)}
          </div>
        </>
      );
    case 'started':
      return (
        <>
          <p>{t('verification.starting')}</p>
          <div className="dialog-footer">{cancel}</div>
        </>
      );
    case 'showingSas':
    case 'confirmed':
      return (
        <>
          <p>{item.phase === 'showingSas' ? t('verification.compare') : t('verification.waitingOther')}</p>
          <EmojiGrid emoji={item.emoji ?? []} />
          {item.phase === 'showingSas' && (
            <div className="dialog-footer">
              {button(t('verification.noMatch'), 'verification-mismatch', () => verification.mismatch(item.id))}
              {button(t('verification.match'), 'verification-match', () => verification.confirm(item.id), true)}
            </div>
          )}
        </>
      );
    case 'done':
      return (
        <>
          <p className="verification-done">{item.selfVerification ? t('verification.done') : t('verification.doneUser', { user })}</p>
          <div className="dialog-footer">{close}</div>
        </>
      );
    case 'cancelled': {
      const reason = item.cancelReason ?? 'other';
      const text = {
        user: t('verification.cancelledUser'),
        mismatch: t('verification.cancelledMismatch'),
        timeout: t('verification.cancelledTimeout'),
        other: t('verification.cancelledOther'),
      }[reason];
      return (
        <>
          <p>{text}</p>
          <div className="dialog-footer">{close}</div>
        </>
      );
    }
  }
};

/** The verification going on (incoming or ours), step by step; closing it cancels one still going. */
export const VerificationDialog = () => {
  const { t } = useTranslation();
  const { verification } = useStores();
  const items = useStore(verification.store, (state) => state.items);
  const error = useStore(verification.store, (state) => state.error);
  const item = currentVerification(items);
  if (item === null) {
    return null;
  }
  return (
    <Dialog
      title={item.selfVerification ? t('verification.titleDevice') : t('verification.titleUser')}
      onClose={() => void verification.dismiss(item.id)}
      testId="verification-dialog"
    >
      <div className="dialog-body" data-testid="verification-body" data-phase={item.phase} data-verification-id={item.id}>
        {item.selfVerification && item.otherDeviceId !== null && <p className="muted">{t('verification.device', { device: item.otherDeviceId })}</p>}
        <Body item={item} />
        <ErrorAlert code={error} />
      </div>
    </Dialog>
  );
};
