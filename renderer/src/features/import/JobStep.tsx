import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { ImportJob } from '../../../../shared/model/import.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { BringMembers } from './BringMembers.tsx';
import { durationText } from './format.ts';
import { useNow } from './use-now.ts';

const Progress = ({ job }: { job: ImportJob }) => {
  const { t, i18n } = useTranslation();
  const now = useNow(job.waitingUntil !== null);
  const percent = job.total === 0 ? 100 : Math.floor((job.done / job.total) * 100);
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={Math.max(job.total, 1)} value={job.done} aria-label={t('import.job.progressLabel')} />
      <p data-testid="import-counts">
        {t('import.job.counts', { done: job.done, total: job.total, percent })}
        {job.mediaTotal > 0 && ` · ${t('import.job.media', { done: job.mediaDone, total: job.mediaTotal })}`}
      </p>
      {job.ratePerSecond !== null && (
        <p className="muted" data-testid="import-rate">
          {t('import.job.rate', { rate: job.ratePerSecond.toFixed(1) })}
          {job.etaMs !== null && ` · ${t('import.job.eta', { time: durationText(job.etaMs, i18n.language) })}`}
        </p>
      )}
      {job.waitingUntil !== null && (
        <p role="status" data-testid="import-waiting">
          {job.phase === 'offline'
            ? t('import.job.offline')
            : t('import.job.waiting', { time: durationText(Math.max(0, job.waitingUntil - now), i18n.language) })}
        </p>
      )}
    </div>
  );
};

export const JobStep = () => {
  const { t } = useTranslation();
  const { imports, rooms } = useStores();
  const job = useStore(imports.store, (state) => state.jobs.find((candidate) => candidate.importId === state.jobId) ?? null);
  const [error, setError] = useState<ErrorCode | null>(null);
  if (job === null) {
    return null;
  }
  const act = async (action: (importId: string) => Promise<{ ok: boolean; error?: { code: ErrorCode } }>): Promise<void> => {
    setError(null);
    const result = await action(job.importId);
    setError(result.ok ? null : (result.error?.code ?? 'internal'));
  };
  const going = ['preparing', 'running', 'waiting', 'offline'].includes(job.phase);
  const over = job.phase === 'done' || job.phase === 'cancelled';
  return (
    <div className="import-step" data-testid="import-job" data-phase={job.phase}>
      <h3>{job.roomName}</h3>
      <p data-testid="import-phase" className={job.phase === 'failed' ? 'error-text' : undefined}>
        {t(`import.phase.${job.phase}`)}
      </p>
      {job.error !== null && <ErrorAlert code={job.error} />}
      {!over && <Progress job={job} />}
      {job.phase === 'done' && <p data-testid="import-done">{t('import.job.done', { count: job.total })}</p>}
      <div className="import-actions">
        {going && (
          <button type="button" data-testid="import-pause" onClick={() => void act(imports.pause)}>
            {t('import.job.pause')}
          </button>
        )}
        {(job.phase === 'paused' || job.phase === 'failed') && (
          <button type="button" className="primary" data-testid="import-resume" onClick={() => void act(imports.resume)}>
            {t('import.job.resume')}
          </button>
        )}
        {!over && (
          <button
            type="button"
            data-testid="import-cancel"
            onClick={() => {
              if (window.confirm(t('import.job.cancelConfirm'))) {
                void act(imports.cancel);
              }
            }}
          >
            {t('import.job.cancel')}
          </button>
        )}
        {job.roomId !== null && (
          <button
            type="button"
            data-testid="import-open-room"
            onClick={() => {
              imports.hide();
              rooms.select(job.roomId);
            }}
          >
            {t('import.job.openRoom')}
          </button>
        )}
        {over && (
          <button type="button" data-testid="import-another" onClick={() => void act(imports.discard)}>
            {t('import.job.another')}
          </button>
        )}
      </div>
      <ErrorAlert code={error} />
      {job.phase === 'done' && job.newRoom && job.roomId !== null && <BringMembers roomId={job.roomId} groupName={job.roomName} />}
    </div>
  );
};
