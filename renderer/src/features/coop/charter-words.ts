import type { TFunction } from 'i18next';
import type { CharterView, DecisionTypeView, StakeholderClass, ThresholdView } from '../../../../shared/model/coop.ts';
import { bpsPercent, fractionText, percentText, pickName } from './format.ts';

/*
 * The charter in plain words, for members who never read the Anggaran Dasar: every rule the
 * tally applies becomes one sentence in the member's language.
 */

/** "lebih dari 1/2" / "more than 1/2"; "sekurang-kurangnya 2/3" / "at least 2/3". */
export const thresholdWords = (threshold: ThresholdView, t: TFunction): string =>
  t(threshold.strict ? 'coop.threshold.strict' : 'coop.threshold.atLeast', { fraction: fractionText(threshold) });

/** "Pekerja memegang 35 % dari setiap keputusan" / "Workers carry 35 % of every decision". */
export const classShareWords = (cls: StakeholderClass, t: TFunction, language: string): string =>
  t('coop.charter.classShare', { name: pickName(cls.name, language), percent: bpsPercent(cls.weightBps, language) });

export type DecisionWords = {
  id: string;
  name: string;
  /** Threshold, quorum, below quorum, majority in each class: one sentence each. */
  sentences: string[];
};

/** One decision type's rules, with the quorum named for each class the charter has. */
export const decisionWords = (decision: DecisionTypeView, classes: readonly StakeholderClass[], t: TFunction, language: string): DecisionWords => {
  const quorums = classes
    .map((cls) => t('coop.charter.quorumItem', { name: pickName(cls.name, language), percent: bpsPercent(decision.classQuorumBps[cls.id] ?? 0, language) }))
    .join(', ');
  return {
    id: decision.id,
    name: pickName(decision.name, language),
    sentences: [
      t('coop.charter.threshold', { threshold: thresholdWords(decision.threshold, t), percent: percentText(decision.threshold.percent, language) }),
      t('coop.charter.quorum', { quorums }),
      t(decision.belowQuorum === 'drop' ? 'coop.charter.belowQuorumDrop' : 'coop.charter.belowQuorumFail'),
      t(decision.requireMajorityInEachClass ? 'coop.charter.majorityEachClass' : 'coop.charter.noMajorityEachClass'),
    ],
  };
};

export type CharterWords = {
  classes: string[];
  decisionTypes: DecisionWords[];
  withoutVotes: string;
};

export const charterWords = (charter: CharterView, t: TFunction, language: string): CharterWords => ({
  classes: charter.classes.map((cls) => classShareWords(cls, t, language)),
  decisionTypes: charter.decisionTypes.map((decision) => decisionWords(decision, charter.classes, t, language)),
  withoutVotes: t(charter.withoutVotes === 'drop' ? 'coop.charter.withoutVotesDrop' : 'coop.charter.withoutVotesAgainst'),
});
