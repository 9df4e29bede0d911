import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useMessageActions } from './message-actions.ts';

type Poll = Extract<TimelineItem, { kind: 'poll' }>;

/**
 * An MSC3381 poll from any client: the answers as radio buttons (one choice) or checkboxes
 * (up to maxSelections), "Vote" sends the choice, results as bars once they may be seen.
 */
export const PollItem = ({ item }: { item: Poll }) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
  const { poll } = item;
  const name = useId();
  const mine = poll.answers.filter((answer) => answer.mine).map((answer) => answer.id);
  const [chosen, setChosen] = useState<string[]>(mine);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const single = poll.maxSelections === 1;
  const showResults = poll.ended || poll.kind === 'disclosed';
  const changed = chosen.length !== mine.length || chosen.some((id) => !mine.includes(id));

  const toggle = (id: string): void => {
    setChosen((current) => {
      if (single) {
        return [id];
      }
      if (current.includes(id)) {
        return current.filter((known) => known !== id);
      }
      return current.length < poll.maxSelections ? [...current, id] : current;
    });
  };

  const vote = async (): Promise<void> => {
    if (actions === null) {
      return;
    }
    setBusy(true);
    setError(null);
    const result = await actions.vote(item.pollId, chosen);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.code);
    }
  };

  return (
    <div className={item.own ? 'message poll own' : 'message poll other'} data-testid="timeline-item" data-item-id={item.id} data-kind="poll">
      {!item.own && <div className="message-sender">{item.senderName}</div>}
      <fieldset className="bubble poll-body" disabled={poll.ended || busy}>
        <legend className="poll-question">
          <span className="tag">{t('poll.label')}</span> {poll.question}
        </legend>
        {!single && <p className="muted">{t('poll.upTo', { count: poll.maxSelections })}</p>}
        <ul className="poll-answers">
          {poll.answers.map((answer) => {
            const share = poll.totalVotes > 0 ? Math.round((answer.votes / poll.totalVotes) * 100) : 0;
            return (
              <li key={answer.id} className="poll-answer">
                <label>
                  <input
                    type={single ? 'radio' : 'checkbox'}
                    name={name}
                    value={answer.id}
                    data-testid="poll-answer"
                    checked={chosen.includes(answer.id)}
                    onChange={() => {
                      toggle(answer.id);
                    }}
                  />
                  <span>{answer.text}</span>
                  {showResults && <span className="poll-votes muted">{t('poll.votes', { count: answer.votes })}</span>}
                </label>
                {showResults && (
                  <div className="poll-bar" role="img" aria-label={`${share}%`}>
                    <div className="poll-bar-fill" style={{ width: `${share}%` }} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {!showResults && <p className="muted">{t('poll.hidden')}</p>}
        <div className="poll-footer">
          {poll.ended ? (
            <span className="tag" data-testid="poll-ended">
              {t('poll.ended')}
            </span>
          ) : (
            <button type="button" className="primary" data-testid="poll-vote" disabled={!changed || busy} onClick={() => void vote()}>
              {chosen.length === 0 && mine.length > 0 ? t('poll.retract') : t('poll.vote')}
            </button>
          )}
          <span className="muted">{t('poll.votes', { count: poll.totalVotes })}</span>
        </div>
        <ErrorAlert code={error} />
      </fieldset>
    </div>
  );
};
