import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalView } from '../../../../shared/model/coop.ts';
import { decisionWords } from './charter-words.ts';
import { bpsPercent, pickName } from './format.ts';

/** The rules copied into the proposal when it was made: these, not today's charter, decide it. */
export const RulesSection = ({ proposal }: { proposal: ProposalView }) => {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const words = decisionWords(proposal.decision, proposal.classes, t, i18n.language);
  return (
    <section className="coop-section proposal-rules" aria-labelledby={headingId} data-testid="proposal-rules">
      <h3 id={headingId}>{t('coop.rules.heading', { decision: words.name })}</h3>
      <ul className="plain-list">
        {words.sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
        <li>{t(proposal.withoutVotes === 'drop' ? 'coop.charter.withoutVotesDrop' : 'coop.charter.withoutVotesAgainst')}</li>
      </ul>
      <h4>{t('coop.rules.classes')}</h4>
      <ul className="plain-list">
        {proposal.classes.map((cls) => (
          <li key={cls.id} data-testid="proposal-rule-class" data-class-id={cls.id}>
            {t('coop.rules.classLine', {
              name: pickName(cls.name, i18n.language),
              weight: bpsPercent(cls.weightBps, i18n.language),
              quorum: bpsPercent(proposal.decision.classQuorumBps[cls.id] ?? 0, i18n.language),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
};
