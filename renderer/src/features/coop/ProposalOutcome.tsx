import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/model/coop.ts';
import { answerText } from './tally-words.ts';

/** Where the proposal stands: the running count while open, the final result once closed. */
export const ProposalOutcome = ({ proposal }: { proposal: ProposalView }) => {
  const { t } = useTranslation();
  const { outcome } = proposal;
  const { winner } = proposal.tally;
  const label = t(`coop.outcome.${outcome}`);
  const headline = outcome === 'open' ? label : t('coop.outcome.final', { outcome: label });
  const showWinner = proposal.kind === 'options' && winner !== null && (outcome === 'open' || outcome === 'passed');
  return (
    <div className={`proposal-outcome outcome-${outcome}`} data-testid="proposal-outcome" data-outcome={outcome} role="status">
      <p className="proposal-outcome-headline">{headline}</p>
      {showWinner && (
        <p data-testid="proposal-winner">
          {t(outcome === 'open' ? 'coop.outcome.leading' : 'coop.outcome.winner', { answer: answerText(proposal, winner, t) })}
        </p>
      )}
      {proposal.invalid && <p>{t('coop.outcome.notCounted')}</p>}
    </div>
  );
};
