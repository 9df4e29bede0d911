import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';

/** What the list's top and bottom rows need to know; Virtuoso hands it to them as `context`. */
export type EdgeContext = {
  olderAvailable: boolean;
  loadingOlder: boolean;
  loadingNewer: boolean;
  empty: boolean;
  error: ErrorCode | null;
  onLoadOlder: () => void;
};

/** Above the first row: older messages loading (or a button for them), else the conversation's start. */
export const TimelineTop = ({ context }: { context: EdgeContext }) => {
  const { t } = useTranslation();
  return (
    <div className="timeline-top">
      {context.olderAvailable && context.loadingOlder && (
        <p className="muted timeline-loading" role="status" data-testid="timeline-loading-older">
          {t('timeline.loadingOlder')}
        </p>
      )}
      {/* Scrolling up loads older messages by itself; the button is for the keyboard and for a short list. */}
      {context.olderAvailable && !context.loadingOlder && (
        <button type="button" className="load-older" data-testid="load-older" onClick={context.onLoadOlder}>
          {t('timeline.loadOlder')}
        </button>
      )}
      {!context.olderAvailable && <p className="muted timeline-start">{t('timeline.start')}</p>}
      {context.empty && !context.olderAvailable && <p className="muted">{t('timeline.empty')}</p>}
      <ErrorAlert code={context.error} />
    </div>
  );
};

/** Below the last row: newer messages loading, when the window is not at the live end. */
export const TimelineBottom = ({ context }: { context: EdgeContext }) => {
  const { t } = useTranslation();
  return (
    <div className="timeline-bottom">
      {context.loadingNewer && (
        <p className="muted timeline-loading" role="status" data-testid="timeline-loading-newer">
          {t('timeline.loadingNewer')}
        </p>
      )}
    </div>
  );
};
