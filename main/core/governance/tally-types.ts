/**
 * The shapes the tally engine (`tally.ts`) reads and returns. They are plain data, so the
 * same engine serves the app, the audit command (`npm run coop:audit`) and the benchmark,
 * and its input can be rebuilt from a room's events by anyone.
 */
import type { Fraction } from './rational.ts';
import type { ProposalBlock } from './protocol.ts';

/** One MSC3381 response as read from the room (unstable or stable form). */
export type ResponseInput = {
  eventId: string;
  sender: string;
  /** origin_server_ts */
  ts: number;
  /**
   * The answer ids in the response, as sent (before truncation and de-duplication);
   * an empty array withdraws the ballot. `null` when the event could not be decrypted:
   * pass every undecryptable event that references the proposal this way, since its type
   * is encrypted too and it may be a response or an end.
   */
  answers: readonly string[] | null;
  /** A redacted response no longer relates to the poll: it is skipped and the one before counts. */
  redacted?: boolean;
};

/** An MSC3381 end event as read from the room. */
export type EndInput = { eventId: string; sender: string; ts: number };

export type TallyInput = {
  proposal: {
    eventId: string;
    sender: string;
    ts: number;
    /** The answer ids the poll offers, in order. */
    answerIds: readonly string[];
    maxSelections: number;
    block: ProposalBlock;
  };
  /** Member → class id, frozen as the registry stood at the proposal event. */
  electorate: ReadonlyMap<string, string>;
  /** Members who, at the proposal event, held the power level the charter requires to close; the proposer may always close. */
  closers: ReadonlySet<string>;
  responses: readonly ResponseInput[];
  ends: readonly EndInput[];
  /**
   * The caller's clock (ms since the epoch), only to tell whether `closes_at` has passed:
   * without a valid end the proposal is closed iff `now >= closes_at`. Omitted: closed only
   * by a valid end. It never moves the cut-off, so a final result does not depend on it.
   */
  now?: number;
};

export type ClassTally = {
  id: string;
  weightBps: number;
  /** Members of the class in the frozen electorate. */
  eligible: number;
  /** Ballots that count toward quorum: for + against + abstain (motions) or any valid option ballot. */
  ballots: number;
  for: number;
  against: number;
  abstain: number;
  /** Ballots naming an unknown answer. */
  spoiled: number;
  quorumMet: boolean;
  /** Whether the class takes part in the weighted result, per the charter's rules. */
  counts: boolean;
  /**
   * for / (for + against); null when nobody voted for or against (such a class, when it
   * counts under `without_votes: 'against'`, counts with support 0). Always null for options.
   */
  support: Fraction | null;
  /** Options proposals: each option's share of the class's ballots. */
  optionShares?: Record<string, Fraction>;
};

export type Outcome =
  /** Still open: the numbers are the running count. */
  | 'open'
  | 'passed'
  | 'rejected'
  /** Exactly at a strict threshold, or options sharing the top: stated, never broken. */
  | 'tie'
  /** A class required by the charter missed its quorum, or no class counts. */
  | 'no_quorum';

export type TallyResult = {
  closed: boolean;
  /** The earlier of closes_at and the first valid end; responses after it are ignored. */
  cutoffTs: number;
  /** The first valid end event, when it came at or before `closes_at` (so it set the cut-off). */
  endEventId: string | null;
  /**
   * The result may change once events decrypt: some member's latest response is
   * undecryptable, or an undecryptable event from someone who may close came before the
   * cut-off (it could be an earlier end).
   */
  provisional: boolean;
  undecryptable: number;
  classes: ClassTally[];
  /** Motions: Σ weight × support ÷ Σ weight over the classes that count. */
  weightedSupport: Fraction | null;
  /** Options proposals: each option's weighted share, in the poll's order. */
  optionShares?: { id: string; share: Fraction }[];
  /** Options proposals: the winning option id, when there is one. */
  winner?: string | null;
  outcome: Outcome;
};
