import type { CharterView, DecisionTypeView, FractionView, TallyView } from '../../../shared/model/coop.ts';
import type { Charter, DecisionType, ProposalRules } from './protocol.ts';
import { toPercent, type Fraction } from './rational.ts';
import type { TallyResult } from './tally-types.ts';

/** An exact fraction with its display percentage (dot decimal, no unit: the renderer localises it). */
export const fractionView = (value: Fraction): FractionView => ({ ...value, percent: toPercent(value).replace(/\s*%$/, '') });

export const decisionTypeView = (id: string, type: DecisionType): DecisionTypeView => ({
  id,
  name: type.name,
  threshold: { ...fractionView({ num: String(type.threshold.num), den: String(type.threshold.den) }), strict: type.threshold.strict },
  classQuorumBps: { ...type.class_quorum_bps },
  belowQuorum: type.below_quorum,
  requireMajorityInEachClass: type.require_majority_in_each_class,
});

export const charterView = (charter: Charter): CharterView => ({
  version: charter.version,
  name: charter.name,
  classes: charter.classes.map((entry) => ({ id: entry.id, name: entry.name, weightBps: entry.weight_bps })),
  decisionTypes: Object.entries(charter.decision_types).map(([id, type]) => decisionTypeView(id, type)),
  withoutVotes: charter.without_votes,
});

/** The rules a proposal runs under, named as its decision type was named when it was made. */
export const rulesView = (id: string, name: DecisionType['name'], rules: ProposalRules): DecisionTypeView =>
  decisionTypeView(id, {
    name,
    threshold: rules.threshold,
    class_quorum_bps: rules.class_quorum_bps,
    below_quorum: rules.below_quorum,
    require_majority_in_each_class: rules.require_majority_in_each_class,
  });

export const tallyView = (result: TallyResult, rules: ProposalRules): TallyView => ({
  classes: result.classes.map((entry) => ({
    id: entry.id,
    weightBps: entry.weightBps,
    eligible: entry.eligible,
    ballots: entry.ballots,
    for: entry.for,
    against: entry.against,
    abstain: entry.abstain,
    spoiled: entry.spoiled,
    quorumBps: rules.class_quorum_bps[entry.id] ?? 0,
    quorumMet: entry.quorumMet,
    counts: entry.counts,
    support: entry.support === null ? null : fractionView(entry.support),
    optionShares:
      entry.optionShares === undefined ? null : Object.fromEntries(Object.entries(entry.optionShares).map(([id, share]) => [id, fractionView(share)])),
  })),
  weightedSupport: result.weightedSupport === null ? null : fractionView(result.weightedSupport),
  optionShares: result.optionShares === undefined ? null : result.optionShares.map((entry) => ({ id: entry.id, share: fractionView(entry.share) })),
  winner: result.winner ?? null,
  outcome: result.outcome,
  provisional: result.provisional,
  undecryptable: result.undecryptable,
  cutoffTs: result.cutoffTs,
});

const OUTCOME_TEXT: Record<TallyResult['outcome'], [string, string]> = {
  open: ['MASIH DIBUKA', 'STILL OPEN'],
  passed: ['DITERIMA', 'PASSED'],
  rejected: ['DITOLAK', 'REJECTED'],
  tie: ['SERI (tidak diterima)', 'TIE (not passed)'],
  no_quorum: ['KUORUM TIDAK TERCAPAI', 'QUORUM NOT REACHED'],
};

/** The end event's text for every client: the outcome and the weighted figure, in both languages. */
export const resultSummary = (title: string, result: TallyResult, rules: ProposalRules): string => {
  const [id, en] = OUTCOME_TEXT[result.outcome];
  const threshold = `${rules.threshold.strict ? '>' : '≥'} ${String(rules.threshold.num)}/${String(rules.threshold.den)}`;
  const figure =
    result.weightedSupport === null ? '' : ` ${toPercent(result.weightedSupport)} (${result.weightedSupport.num}/${result.weightedSupport.den}; ${threshold})`;
  const winner = result.winner === undefined || result.winner === null ? '' : ` [${result.winner}]`;
  const provisional = result.provisional ? ' (sementara / provisional)' : '';
  return `Usulan ditutup / Proposal closed: ${title}\nHasil: ${id}${winner}${figure}${provisional}\nResult: ${en}${winner}${figure}${provisional}`;
};
