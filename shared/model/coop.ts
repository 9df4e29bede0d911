import { z } from 'zod';
import { matrixUserId, roomId } from './room.ts';

/*
 * What the Co-op tab shows, as plain view models computed in main from the assembly room's
 * state and events (docs/governance.md). Exact fractions travel as decimal strings so no
 * number is rounded before the renderer formats it.
 */

export const classId = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/);
export const proposalId = z.string().min(2).max(255).startsWith('$');

/** A name in both languages the app speaks. */
export const bilingual = z.object({ id: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingual>;

/** An exact fraction, plus its value as a percentage for display: two decimals, a dot, no unit (`"55.25"`). */
export const fractionView = z.object({ num: z.string(), den: z.string(), percent: z.string() });
export type FractionView = z.infer<typeof fractionView>;

export const thresholdView = fractionView.extend({ strict: z.boolean() });
export type ThresholdView = z.infer<typeof thresholdView>;

export const stakeholderClass = z.object({ id: classId, name: bilingual, weightBps: z.number().int() });
export type StakeholderClass = z.infer<typeof stakeholderClass>;

export const decisionTypeView = z.object({
  id: z.string(),
  name: bilingual,
  threshold: thresholdView,
  /** Per class, the share of its eligible members who must take part, in basis points. */
  classQuorumBps: z.record(z.string(), z.number().int()),
  /** A class below quorum: `drop` — it stops counting and its weight goes to the others; `fail` — the proposal fails. */
  belowQuorum: z.enum(['drop', 'fail']),
  requireMajorityInEachClass: z.boolean(),
});
export type DecisionTypeView = z.infer<typeof decisionTypeView>;

export const charterView = z.object({
  version: z.number().int(),
  name: bilingual,
  classes: z.array(stakeholderClass),
  decisionTypes: z.array(decisionTypeView),
  /** A class where nobody voted for or against: `drop` (weight redistributed) or `against` (counts as 0 % support). */
  withoutVotes: z.enum(['drop', 'against']),
});
export type CharterView = z.infer<typeof charterView>;

export const coopMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  classId: classId.nullable(),
  membership: z.enum(['join', 'invite', 'leave']),
  /** Holds the registry's power level: may assign classes, invite and close proposals (pengurus / sekretaris). */
  secretary: z.boolean(),
});
export type CoopMember = z.infer<typeof coopMember>;

export const outcome = z.enum(['open', 'passed', 'rejected', 'tie', 'no_quorum']);
export type OutcomeView = z.infer<typeof outcome>;

export const classTallyView = z.object({
  id: classId,
  weightBps: z.number().int(),
  eligible: z.number().int(),
  ballots: z.number().int(),
  for: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  spoiled: z.number().int(),
  quorumBps: z.number().int(),
  quorumMet: z.boolean(),
  counts: z.boolean(),
  support: fractionView.nullable(),
  /** Options proposals: each option's share of this class's ballots, by answer id. */
  optionShares: z.record(z.string(), fractionView).nullable(),
});
export type ClassTallyView = z.infer<typeof classTallyView>;

export const tallyView = z.object({
  classes: z.array(classTallyView),
  weightedSupport: fractionView.nullable(),
  optionShares: z.array(z.object({ id: z.string(), share: fractionView })).nullable(),
  winner: z.string().nullable(),
  outcome,
  /** Some votes could not be decrypted (yet): the numbers may still change. */
  provisional: z.boolean(),
  undecryptable: z.number().int(),
  cutoffTs: z.number(),
});
export type TallyView = z.infer<typeof tallyView>;

export const proposalSummary = z.object({
  id: proposalId,
  title: z.string(),
  decisionType: z.string(),
  kind: z.enum(['motion', 'options']),
  proposer: z.string(),
  proposerName: z.string(),
  createdAt: z.number(),
  closesAt: z.number(),
  closed: z.boolean(),
  outcome,
  /** The answer ids of this member's current ballot, or null when they have none. */
  myVote: z.array(z.string()).nullable(),
});
export type ProposalSummary = z.infer<typeof proposalSummary>;

export const proposalView = proposalSummary.extend({
  /** Markdown as the proposer wrote it; the renderer converts and sanitises it. */
  body: z.string(),
  answers: z.array(z.object({ id: z.string(), text: z.string() })),
  decision: decisionTypeView,
  /** As copied into the proposal: what a class where nobody voted for or against counts as. */
  withoutVotes: z.enum(['drop', 'against']),
  classes: z.array(stakeholderClass),
  tally: tallyView,
  /** This member is in the electorate frozen at the proposal. */
  canVote: z.boolean(),
  /** This member may close it (proposer, or the charter's closing power level), once the deadline has passed. */
  canClose: z.boolean(),
  /** The proposal breaks the charter in force when it was made (rules not copied faithfully, or the proposer lacked the power level): shown, never counted. */
  invalid: z.boolean(),
});
export type ProposalView = z.infer<typeof proposalView>;

export const coopSummary = z.object({ roomId: z.string(), name: z.string(), openProposals: z.number().int() });
export type CoopSummary = z.infer<typeof coopSummary>;

export const coopView = z.object({
  roomId: z.string(),
  spaceId: z.string().nullable(),
  name: z.string(),
  charter: charterView,
  members: z.array(coopMember),
  proposals: z.array(proposalSummary),
  /** This member may assign classes (the registry's power level). */
  canManageRegistry: z.boolean(),
  canPropose: z.boolean(),
  canInvite: z.boolean(),
  /** This member may change power levels: appoint or dismiss secretaries. */
  canAppointSecretaries: z.boolean(),
});
export type CoopView = z.infer<typeof coopView>;

/** A reminder main raises: a new proposal, or one closing within 24 hours. */
export const coopNotice = z.object({
  kind: z.enum(['newProposal', 'closingSoon']),
  roomId: z.string(),
  coopName: z.string(),
  proposalId: z.string(),
  title: z.string(),
  closesAt: z.number(),
});
export type CoopNotice = z.infer<typeof coopNotice>;

/** The longest a proposal can stay open: a year. */
export const MAX_PROPOSAL_OPEN_MS = 366 * 24 * 60 * 60 * 1000;

export const coopCreateInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    /** Weight of each default class in basis points; they must sum to 10,000. */
    weights: z.record(classId, z.number().int().min(0).max(10_000)),
    invite: z.array(matrixUserId).max(100).default([]),
  })
  .strict()
  .refine((input) => Object.values(input.weights).reduce((sum, w) => sum + w, 0) === 10_000, 'weights must sum to 10000');

export const proposeInput = z
  .object({
    roomId,
    title: z.string().trim().min(1).max(200),
    /** Markdown; the protocol caps it so the event stays under 64 KiB once encrypted. */
    body: z.string().max(8000),
    decisionType: z.string().min(1).max(64),
    kind: z.enum(['motion', 'options']),
    /** Options proposals only: 2–20 option texts. */
    options: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    closesAt: z.number().int().positive(),
  })
  .strict()
  .refine((input) => input.kind === 'motion' || input.options.length >= 2, 'an options proposal needs at least two options');
