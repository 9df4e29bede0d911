import { useTranslation } from 'react-i18next';
import type { CoopView, ProposalSummary } from '../../../../shared/model/coop.ts';
import { pickName } from './format.ts';
import { timeLeftText } from './time-left.ts';
import { useNow } from './use-now.ts';

/** Open proposals first, soonest deadline on top; then closed ones, latest first. */
export const orderProposals = (proposals: readonly ProposalSummary[]): ProposalSummary[] => [
  ...proposals.filter((item) => !item.closed).sort((a, b) => a.closesAt - b.closesAt),
  ...proposals.filter((item) => item.closed).sort((a, b) => b.closesAt - a.closesAt),
];

export type ProposalListProps = { view: CoopView; onOpen: (proposalId: string) => void };

export const ProposalList = ({ view, onOpen }: ProposalListProps) => {
  const { t, i18n } = useTranslation();
  const now = useNow();
  if (view.proposals.length === 0) {
    return <p className="muted">{t('coop.proposals.empty')}</p>;
  }
  const decisionName = (id: string): string => {
    const decision = view.charter.decisionTypes.find((item) => item.id === id);
    return decision === undefined ? id : pickName(decision.name, i18n.language);
  };
  return (
    <ul className="proposal-list" data-testid="proposal-list">
      {orderProposals(view.proposals).map((proposal) => (
        <li key={proposal.id} className="proposal-row" data-testid="proposal-row" data-proposal-id={proposal.id} data-closed={String(proposal.closed)}>
          <button
            type="button"
            className="proposal-row-button"
            onClick={() => {
              onOpen(proposal.id);
            }}
          >
            <span className="proposal-row-title">{proposal.title}</span>
            <span className="proposal-row-meta muted">
              {decisionName(proposal.decisionType)}
              {' · '}
              <span data-testid="proposal-row-status">
                {proposal.closed
                  ? t('coop.proposals.closed', { outcome: t(`coop.outcome.${proposal.outcome}`) })
                  : now >= proposal.closesAt
                    ? t('coop.proposals.awaitingClose')
                    : timeLeftText(proposal.closesAt, now, t)}
              </span>
              {proposal.myVote !== null && proposal.myVote.length > 0 && <span className="tag">{t('coop.proposals.voted')}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};
