import type { TFunction } from 'i18next';
import type { ClassTallyView, FractionView, ProposalView, StakeholderClass } from '../../../../shared/model/coop.ts';
import { thresholdWords } from './charter-words.ts';
import { bpsPercent, fractionText, percentText, pickName } from './format.ts';

/*
 * The exact numbers behind each bar of the chart, as text: bars are for seeing at a glance,
 * these sentences are their tooltip and what a screen reader says.
 */

export const MOTION_ANSWERS = ['setuju', 'tolak', 'abstain'] as const;
export type MotionAnswer = (typeof MOTION_ANSWERS)[number];

const isMotionAnswer = (id: string): id is MotionAnswer => (MOTION_ANSWERS as readonly string[]).includes(id);

/** An answer as the member reads it: motion answers in their language, options as the proposer wrote them. */
export const answerText = (proposal: Pick<ProposalView, 'kind' | 'answers'>, id: string, t: TFunction): string => {
  if (proposal.kind === 'motion' && isMotionAnswer(id)) {
    return t(`coop.answer.${id}`);
  }
  return proposal.answers.find((answer) => answer.id === id)?.text ?? id;
};

const share = (option: string, fraction: FractionView, language: string, t: TFunction): string =>
  t('coop.tally.optionShare', { option, percent: percentText(fraction.percent, language), fraction: fractionText(fraction) });

export type ClassTallyWords = {
  name: string;
  /** "3 dari 4 memilih, kuorum 50 %" */
  turnout: string;
  /** "dukungan 75 % (3/4) — 3 setuju, 1 tolak, 0 abstain", or each option's share. */
  support: string;
  /** Why the class does not count, or null when it does. */
  reason: string | null;
  /** Everything above in one sentence, for the row's tooltip. */
  summary: string;
};

export const notCountedReason = (tally: ClassTallyView, t: TFunction): string | null => {
  if (tally.counts) {
    return null;
  }
  if (tally.eligible === 0) {
    return t('coop.tally.notCounted.noMembers');
  }
  return t(tally.quorumMet ? 'coop.tally.notCounted.noVotes' : 'coop.tally.notCounted.belowQuorum');
};

export const classTallyWords = (
  tally: ClassTallyView,
  proposal: Pick<ProposalView, 'kind' | 'answers' | 'classes'>,
  t: TFunction,
  language: string,
): ClassTallyWords => {
  const cls: StakeholderClass | undefined = proposal.classes.find((item) => item.id === tally.id);
  const name = cls === undefined ? tally.id : pickName(cls.name, language);
  const turnout = t('coop.tally.turnout', { ballots: tally.ballots, eligible: tally.eligible, quorum: bpsPercent(tally.quorumBps, language) });

  let support: string;
  if (proposal.kind === 'motion') {
    const counts = t('coop.tally.counts', { agree: tally.for, disagree: tally.against, abstain: tally.abstain });
    const head =
      tally.support === null
        ? t('coop.tally.noSupport')
        : t('coop.tally.support', { percent: percentText(tally.support.percent, language), fraction: fractionText(tally.support) });
    support = `${head} — ${counts}`;
  } else {
    const shares = Object.entries(tally.optionShares ?? {});
    support =
      shares.length === 0 ? t('coop.tally.noBallots') : shares.map(([id, fraction]) => share(answerText(proposal, id, t), fraction, language, t)).join(', ');
  }
  if (tally.spoiled > 0) {
    support = `${support}; ${t('coop.tally.spoiled', { count: tally.spoiled })}`;
  }
  const reason = notCountedReason(tally, t);
  const summary = [`${name}: ${turnout}`, support, ...(reason === null ? [] : [reason])].join('; ');
  return { name, turnout, support, reason, summary };
};

/** The weighted total: support against the threshold for motions, each option's weighted share otherwise. */
export const weightedWords = (proposal: Pick<ProposalView, 'kind' | 'answers' | 'decision' | 'tally'>, t: TFunction, language: string): string => {
  const threshold = thresholdWords(proposal.decision.threshold, t);
  if (proposal.kind === 'options') {
    const shares = proposal.tally.optionShares ?? [];
    return shares.length === 0
      ? t('coop.tally.weightedNone', { threshold })
      : t('coop.tally.weightedOptions', {
          shares: shares.map((item) => share(answerText(proposal, item.id, t), item.share, language, t)).join(', '),
        });
  }
  const support = proposal.tally.weightedSupport;
  return support === null
    ? t('coop.tally.weightedNone', { threshold })
    : t('coop.tally.weighted', { percent: percentText(support.percent, language), fraction: fractionText(support), threshold });
};
