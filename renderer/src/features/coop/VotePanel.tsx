import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/model/coop.ts';
import { useStores } from '../../lib/stores-context.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CheckIcon } from '../../ui/icons.ts';
import { useRequest } from '../../ui/use-request.ts';
import { answerText } from './tally-words.ts';

export type VotePanelProps = { roomId: string; proposal: ProposalView; deadlinePassed: boolean };

/**
 * The member's own ballot while the proposal is open: one button per answer, the current
 * one pressed; another click changes it, "withdraw" sends an empty ballot.
 */
export const VotePanel = ({ roomId, proposal, deadlinePassed }: VotePanelProps) => {
  const { t } = useTranslation();
  const { coop } = useStores();
  const headingId = useId();
  const whyId = useId();
  const request = useRequest(() => undefined);
  const ballot = proposal.myVote ?? [];
  const why = !proposal.canVote ? t('coop.vote.notEligible') : deadlinePassed ? t('coop.vote.timeUp') : null;
  const disabled = why !== null || request.busy;

  const vote = (answers: string[]): void => {
    void request.run(() => coop.vote(roomId, proposal.id, answers));
  };

  return (
    <section className="coop-section vote-panel" aria-labelledby={headingId} data-testid="vote-panel">
      <h3 id={headingId}>{t('coop.vote.heading')}</h3>
      {why !== null && (
        <p id={whyId} className="muted" data-testid="vote-disabled-reason">
          {why}
        </p>
      )}
      <div className="vote-buttons" role="group" aria-labelledby={headingId}>
        {proposal.answers.map((answer) => {
          const chosen = ballot.includes(answer.id);
          return (
            <button
              key={answer.id}
              type="button"
              className={chosen ? 'vote-button chosen' : 'vote-button'}
              data-testid={`vote-${answer.id}`}
              aria-pressed={chosen}
              aria-describedby={why === null ? undefined : whyId}
              disabled={disabled}
              onClick={() => {
                if (!chosen) {
                  vote([answer.id]);
                }
              }}
            >
              {chosen && <CheckIcon className="icon-lead" />}
              {answerText(proposal, answer.id, t)}
            </button>
          );
        })}
      </div>
      <p className="muted small-text" data-testid="vote-current">
        {ballot.length === 0 ? t('coop.vote.none') : t('coop.vote.current', { answer: ballot.map((id) => answerText(proposal, id, t)).join(', ') })}
      </p>
      {ballot.length > 0 && (
        <button
          type="button"
          className="small"
          data-testid="vote-withdraw"
          disabled={disabled}
          onClick={() => {
            vote([]);
          }}
        >
          {t('coop.vote.withdraw')}
        </button>
      )}
      <ErrorAlert code={request.error} />
    </section>
  );
};
