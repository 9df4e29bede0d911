import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CoopView, ProposalView } from '../../../../shared/model/coop.ts';
import { useStores } from '../../lib/stores-context.ts';
import { fullTime } from '../../lib/format-time.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { BackIcon } from '../../ui/icons.ts';
import { useRequest } from '../../ui/use-request.ts';
import { pickName } from './format.ts';
import { ProposalOutcome } from './ProposalOutcome.tsx';
import { RulesSection } from './RulesSection.tsx';
import { TallyChart } from './TallyChart.tsx';
import { timeLeftText } from './time-left.ts';
import { useNow } from './use-now.ts';
import { VotePanel } from './VotePanel.tsx';

const ProposalBody = ({ markdown }: { markdown: string }) => {
  // The proposer's Markdown, through the same allow-list as messages: never raw.
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  return <div className="proposal-body formatted" data-testid="proposal-body" dangerouslySetInnerHTML={{ __html: html }} />;
};

const CloseButton = ({ roomId, proposal }: { roomId: string; proposal: ProposalView }) => {
  const { t } = useTranslation();
  const { coop } = useStores();
  const request = useRequest(() => undefined);
  return (
    <>
      <button
        type="button"
        className="primary"
        data-testid="proposal-close"
        disabled={request.busy}
        onClick={() => void request.run(() => coop.close(roomId, proposal.id))}
      >
        {request.busy ? t('coop.proposal.closing') : t('coop.proposal.close')}
      </button>
      <ErrorAlert code={request.error} />
    </>
  );
};

const ProposalDetails = ({ view, proposal, now }: { view: CoopView; proposal: ProposalView; now: number }) => {
  const { t, i18n } = useTranslation();
  const deadlinePassed = now >= proposal.closesAt;
  return (
    <div className="coop-scroll">
      {proposal.invalid && (
        <div className="warning-box" role="note" data-testid="proposal-invalid">
          <p>{t('coop.proposal.invalid')}</p>
        </div>
      )}
      {proposal.tally.provisional && (
        <div className="warning-box" role="note" data-testid="provisional-warning">
          <p>{t('coop.proposal.provisional')}</p>
        </div>
      )}
      <ProposalOutcome proposal={proposal} />
      <p className="proposal-deadline" data-testid="proposal-deadline">
        <time dateTime={new Date(proposal.closesAt).toISOString()}>
          {t(proposal.closed || deadlinePassed ? 'coop.proposal.closedAt' : 'coop.proposal.closesAt', { time: fullTime(proposal.closesAt, i18n.language) })}
        </time>
        {!proposal.closed && (
          <>
            {' · '}
            <span data-testid="proposal-time-left">{deadlinePassed ? t('coop.proposals.awaitingClose') : timeLeftText(proposal.closesAt, now, t)}</span>
          </>
        )}
      </p>
      {!proposal.closed && proposal.canClose && deadlinePassed && <CloseButton roomId={view.roomId} proposal={proposal} />}
      <ProposalBody markdown={proposal.body} />
      {!proposal.closed && <VotePanel roomId={view.roomId} proposal={proposal} deadlinePassed={deadlinePassed} />}
      <TallyChart proposal={proposal} />
      <RulesSection proposal={proposal} />
    </div>
  );
};

/** One proposal: its text, the member's vote, the count per class, and the rules it runs under. */
export const ProposalPanel = ({ view, proposalId }: { view: CoopView; proposalId: string }) => {
  const { t, i18n } = useTranslation();
  const { coop } = useStores();
  const proposal = useStore(coop.store, (state) => state.proposal);
  const error = useStore(coop.store, (state) => state.proposalError);
  const now = useNow();
  const summary = view.proposals.find((item) => item.id === proposalId);
  const title = proposal?.title ?? summary?.title ?? '';
  const decisionName = proposal === null ? null : pickName(proposal.decision.name, i18n.language);

  return (
    <section className="coop-view" data-testid="proposal-view" data-proposal-id={proposalId} aria-label={title}>
      <header className="room-header">
        <button
          type="button"
          className="small"
          data-testid="proposal-back"
          onClick={() => {
            coop.openProposal(null);
          }}
        >
          <BackIcon className="icon-lead" />
          {t('coop.proposal.back', { coop: view.name })}
        </button>
        <div className="room-header-text">
          <h2 data-testid="proposal-title-heading">{title}</h2>
          {proposal !== null && (
            <p className="muted room-header-sub" data-testid="proposal-proposer">
              {t('coop.proposal.proposedBy', { name: proposal.proposerName, time: fullTime(proposal.createdAt, i18n.language) })}
              {decisionName !== null && ` · ${decisionName}`}
            </p>
          )}
        </div>
      </header>
      {proposal === null || proposal.id !== proposalId ? (
        <div className="no-room" aria-busy={error === null}>
          {error === null ? <p className="muted">{t('coop.proposal.loading')}</p> : <ErrorAlert code={error} />}
        </div>
      ) : (
        <>
          <ErrorAlert code={error} />
          <ProposalDetails view={view} proposal={proposal} now={now} />
        </>
      )}
    </section>
  );
};
