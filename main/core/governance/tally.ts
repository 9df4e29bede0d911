/**
 * The weighted tally of one proposal (`docs/governance.md`, "Tally"): a pure function of
 * the proposal, the electorate frozen at it, and the responses and ends related to it.
 * Anyone holding the same events gets the same result: nothing depends on input order or
 * on the local clock (except whether a still-open proposal is past its deadline), and
 * every decision is taken on exact rationals. Counting uses plain numbers; BigInt appears
 * only in the handful of per-class fractions at the end, so 100,000 votes take milliseconds.
 */
import { ANSWER_ABSTAIN, ANSWER_AGAINST, ANSWER_FOR, INVALID_ANSWER, type ProposalRules } from './protocol.ts';
import { addRatio, compareRatio, ratio, toFraction, ZERO, type Ratio } from './rational.ts';
import type { ClassTally, EndInput, Outcome, ResponseInput, TallyInput, TallyResult } from './tally-types.ts';

const FOR = 0;
const AGAINST = 1;
const ABSTAIN = 2;
const HALF = ratio(1, 2);

/**
 * (ts, eventId) order, the protocol's total order on events; two copies of one event id
 * (which a caller should not pass) are ordered by content so that even then the result
 * does not depend on which copy came first.
 */
const isLater = (a: ResponseInput, b: ResponseInput): boolean => {
  if (a.ts !== b.ts) {
    return a.ts > b.ts;
  }
  if (a.eventId !== b.eventId) {
    return a.eventId > b.eventId;
  }
  return copyKey(a) > copyKey(b);
};

const copyKey = (response: ResponseInput): string => (response.answers === null ? '' : `\u0001${response.answers.join('\u0000')}`);

const endBefore = (a: EndInput, b: EndInput): boolean => (a.ts !== b.ts ? a.ts < b.ts : a.eventId !== b.eventId ? a.eventId < b.eventId : a.sender < b.sender);

/** The first valid end: sent by the proposer or by a member allowed to close at the proposal. */
const firstValidEnd = (input: TallyInput): EndInput | undefined => {
  let first: EndInput | undefined;
  for (const end of input.ends) {
    if (!Number.isFinite(end.ts) || (end.sender !== input.proposal.sender && !input.closers.has(end.sender))) {
      continue;
    }
    if (first === undefined || endBefore(end, first)) {
      first = end;
    }
  }
  return first;
};

/**
 * The frozen electorate as a slot per member and the class index of each slot, built once
 * per electorate (it never changes for a proposal: the app keeps one Map per proposal, and
 * re-tallies as votes arrive). Each response then costs one Map lookup; ballots live in
 * arrays by slot instead of a second Map keyed by sender.
 */
type MemberIndex = { classIds: string; size: number; slotOf: Map<string, number>; classOf: Int32Array; eligible: number[] };
const memberIndexes = new WeakMap<ReadonlyMap<string, string>, MemberIndex>();

const memberIndex = (electorate: ReadonlyMap<string, string>, rules: ProposalRules): MemberIndex => {
  const classIds = rules.classes.map((entry) => entry.id).join('\u0000');
  const cached = memberIndexes.get(electorate);
  // The electorate is frozen by definition; the size check only catches a caller reusing a Map it changed.
  if (cached?.classIds === classIds && cached.size === electorate.size) {
    return cached;
  }
  const classIndex = new Map(rules.classes.map((entry, index) => [entry.id, index]));
  const slotOf = new Map<string, number>();
  const classOf = new Int32Array(electorate.size);
  const eligible = new Array<number>(rules.classes.length).fill(0);
  for (const [member, classId] of electorate) {
    const index = classIndex.get(classId);
    // A class the proposal's rules do not know: not a voter.
    if (index !== undefined) {
      classOf[slotOf.size] = index;
      slotOf.set(member, slotOf.size);
      eligible[index] = (eligible[index] ?? 0) + 1;
    }
  }
  const built = { classIds, size: electorate.size, slotOf, classOf, eligible };
  memberIndexes.set(electorate, built);
  return built;
};

/**
 * Each voter's latest response at or before the cut-off, redacted ones skipped, by slot.
 *
 * `hiddenEnd`: an undecryptable event before the cut-off from someone who may close could be
 * an earlier end (its type is encrypted too), so the result cannot be final until it decrypts.
 */
const latestBallots = (input: TallyInput, index: MemberIndex, cutoffTs: number): { latest: Int32Array; hiddenEnd: boolean } => {
  // By slot: the position in `input.responses` of the latest response (-1: none) and its
  // timestamp. Numbers in typed arrays, not object pointers: no write barrier, and the
  // common comparison (a newer timestamp) needs no read of the earlier response.
  const latest = new Int32Array(index.slotOf.size).fill(-1);
  const latestTs = new Float64Array(index.slotOf.size);
  const responses = input.responses;
  let hiddenEnd = false;
  for (let position = 0; position < responses.length; position++) {
    const response = responses[position] as ResponseInput;
    const ts = response.ts;
    if (response.redacted === true || !(ts <= cutoffTs)) {
      continue;
    }
    if (response.answers === null && ts < cutoffTs && (response.sender === input.proposal.sender || input.closers.has(response.sender))) {
      hiddenEnd = true;
    }
    const slot = index.slotOf.get(response.sender);
    if (slot === undefined) {
      // Not in the frozen electorate: no vote.
      continue;
    }
    const current = latest[slot] as number;
    if (current < 0 || ts > (latestTs[slot] as number) || (ts === latestTs[slot] && isLater(response, responses[current] as ResponseInput))) {
      latest[slot] = position;
      latestTs[slot] = ts;
    }
  }
  return { latest, hiddenEnd };
};

/** Per-class counters, plain numbers while counting. */
type Counts = {
  eligible: number[];
  votes: number[][];
  spoiled: number[];
  /** Options: ballots with k selections naming option o, at [o * (maxK + 1) + k]. */
  options: number[][];
  optionBallots: number[];
  undecryptable: number;
  hiddenEnd: boolean;
};

const uniqueAnswerIds = (answerIds: readonly string[]): string[] => [...new Set(answerIds)].filter((id) => id !== INVALID_ANSWER);

const count = (input: TallyInput, rules: ProposalRules, cutoffTs: number): Counts & { optionIds: string[]; maxK: number } => {
  const { proposal } = input;
  const motion = proposal.block.kind === 'motion';
  const members = memberIndex(input.electorate, rules);
  const classes = rules.classes.length;
  const offered = uniqueAnswerIds(proposal.answerIds);
  const optionIds = motion ? [] : offered;
  const maxSelections = Number.isSafeInteger(proposal.maxSelections) && proposal.maxSelections >= 1 ? proposal.maxSelections : 1;
  const maxK = Math.min(maxSelections, Math.max(1, offered.length));
  // Answer id → motion role (for/against/abstain) or option index; anything else spoils.
  const answerIndex = new Map<string, number>(
    motion
      ? ([
          [ANSWER_FOR, FOR],
          [ANSWER_AGAINST, AGAINST],
          [ANSWER_ABSTAIN, ABSTAIN],
        ].filter(([id]) => offered.includes(id as string)) as [string, number][])
      : optionIds.map((id, index) => [id, index]),
  );

  const counts: Counts = {
    eligible: [...members.eligible],
    votes: Array.from({ length: classes }, () => [0, 0, 0]),
    spoiled: new Array<number>(classes).fill(0),
    options: Array.from({ length: classes }, () => new Array<number>(optionIds.length * (maxK + 1)).fill(0)),
    optionBallots: new Array<number>(classes).fill(0),
    undecryptable: 0,
    hiddenEnd: false,
  };
  const answerIds = [...answerIndex.keys()];
  const answerRoles = [...answerIndex.values()];
  const picked: number[] = [];
  const { latest, hiddenEnd } = latestBallots(input, members, cutoffTs);
  counts.hiddenEnd = hiddenEnd;
  // The ballots are read in the order the responses came, not by member: the response
  // objects lie in memory in that order, and reading them at random was most of the cost.
  const ballotClass = new Int8Array(input.responses.length).fill(-1);
  for (let slot = 0; slot < latest.length; slot++) {
    const position = latest[slot] as number;
    if (position >= 0) {
      ballotClass[position] = members.classOf[slot] as number;
    }
  }
  for (let position = 0; position < ballotClass.length; position++) {
    const index = ballotClass[position] as number;
    if (index < 0) {
      continue;
    }
    const response = input.responses[position] as ResponseInput;
    const answers = response.answers;
    if (answers === null) {
      // No fallback to an older vote: the member's latest intent is unknown, not absent.
      counts.undecryptable++;
      continue;
    }
    if (answers.length === 0) {
      continue;
    }
    // Truncate to max_selections, then de-duplicate; any unknown id spoils the ballot.
    picked.length = 0;
    let spoiled = false;
    for (let selection = 0; selection < answers.length && selection < maxSelections; selection++) {
      // At most 20 ids: a scan beats hashing each ballot's own copy of the string.
      const at = answerIds.indexOf(answers[selection] as string);
      const answer = at < 0 ? undefined : answerRoles[at];
      if (answer === undefined) {
        spoiled = true;
        break;
      }
      if (!picked.includes(answer)) {
        picked.push(answer);
      }
    }
    // A motion ballot naming two different answers contradicts itself.
    if (spoiled || (motion && picked.length !== 1)) {
      counts.spoiled[index] = (counts.spoiled[index] ?? 0) + 1;
      continue;
    }
    if (motion) {
      const votes = counts.votes[index] as number[];
      votes[picked[0] as number] = (votes[picked[0] as number] ?? 0) + 1;
      continue;
    }
    const options = counts.options[index] as number[];
    for (const option of picked) {
      const cell = option * (maxK + 1) + picked.length;
      options[cell] = (options[cell] ?? 0) + 1;
    }
    counts.optionBallots[index] = (counts.optionBallots[index] ?? 0) + 1;
  }
  return { ...counts, optionIds, maxK };
};

const lcmUpTo = (n: number): bigint => {
  let result = 1n;
  for (let k = 2n; k <= BigInt(n); k++) {
    let a = result;
    let b = k;
    while (b !== 0n) {
      [a, b] = [b, a % b];
    }
    result = (result / a) * k;
  }
  return result;
};

/** Whether `value` clears the threshold: 1 above it, 0 exactly on a strict one (a tie), -1 short of it. */
const againstThreshold = (value: Ratio, rules: ProposalRules): -1 | 0 | 1 => {
  const cmp = compareRatio(value, ratio(rules.threshold.num, rules.threshold.den));
  if (rules.threshold.strict) {
    return cmp;
  }
  return cmp >= 0 ? 1 : -1;
};

export const tally = (input: TallyInput): TallyResult => {
  const { block } = input.proposal;
  const rules = block.rules;
  const motion = block.kind === 'motion';

  const end = firstValidEnd(input);
  const cutoffTs = end === undefined ? block.closes_at : Math.min(block.closes_at, end.ts);
  const closed = end !== undefined || (input.now !== undefined && input.now >= block.closes_at);
  const counts = count(input, rules, cutoffTs);

  // Per class: who counts, and each class's support or option shares.
  const scale = lcmUpTo(counts.maxK);
  let quorumFailed = false;
  let totalWeight = 0;
  const classShares: (Ratio | null)[][] = [];
  const classes: ClassTally[] = rules.classes.map((entry, index) => {
    const eligible = counts.eligible[index] ?? 0;
    const [forVotes = 0, against = 0, abstain = 0] = counts.votes[index] ?? [];
    const ballots = motion ? forVotes + against + abstain : (counts.optionBallots[index] ?? 0);
    const quorumBps = Object.hasOwn(rules.class_quorum_bps, entry.id) ? (rules.class_quorum_bps[entry.id] ?? 0) : 0;
    const quorumMet = ballots * 10000 >= eligible * quorumBps;
    const decided = motion ? forVotes + against : ballots;
    let takesPart = false;
    if (eligible > 0 && entry.weight_bps > 0) {
      if (!quorumMet) {
        quorumFailed ||= rules.below_quorum === 'fail';
      } else {
        takesPart = decided > 0 || rules.without_votes === 'against';
      }
    }
    if (takesPart) {
      totalWeight += entry.weight_bps;
    }
    const support = motion && decided > 0 ? ratio(forVotes, decided) : null;
    const tallied: ClassTally = {
      id: entry.id,
      weightBps: entry.weight_bps,
      eligible,
      ballots,
      for: forVotes,
      against,
      abstain,
      spoiled: counts.spoiled[index] ?? 0,
      quorumMet,
      counts: takesPart,
      support: support === null ? null : toFraction(support),
    };
    if (motion) {
      classShares.push([support]);
    } else {
      // A ballot naming k options gives each 1/k: sum count × (L/k) over L × ballots, L = lcm(1..maxK).
      const options = counts.options[index] ?? [];
      const shares = counts.optionIds.map((_, option) => {
        if (ballots === 0) {
          return ZERO;
        }
        let numerator = 0n;
        for (let k = 1; k <= counts.maxK; k++) {
          const ballotsWithK = options[option * (counts.maxK + 1) + k] ?? 0;
          if (ballotsWithK > 0) {
            numerator += BigInt(ballotsWithK) * (scale / BigInt(k));
          }
        }
        return ratio(numerator, scale * BigInt(ballots));
      });
      classShares.push(shares);
      tallied.optionShares = Object.fromEntries(counts.optionIds.map((id, option) => [id, toFraction(shares[option] ?? ZERO)]));
    }
    return tallied;
  });

  /** Σ weight × value ÷ Σ weight over the counting classes; a counting class without a value counts as 0. */
  const weighted = (valueOf: (shares: (Ratio | null)[]) => Ratio | null): Ratio | null => {
    if (totalWeight === 0) {
      return null;
    }
    let sum = ZERO;
    classes.forEach((entry, index) => {
      const value = entry.counts ? valueOf(classShares[index] ?? []) : null;
      if (value !== null) {
        sum = addRatio(sum, ratio(BigInt(entry.weightBps) * value.n, value.d));
      }
    });
    return ratio(sum.n, sum.d * BigInt(totalWeight));
  };
  /** Require-majority rule: more than half in every counting class (a class counting with no votes fails it). */
  const majorityEverywhere = (valueOf: (shares: (Ratio | null)[]) => Ratio | null): boolean =>
    !rules.require_majority_in_each_class ||
    classes.every((entry, index) => {
      if (!entry.counts) {
        return true;
      }
      const value = valueOf(classShares[index] ?? []);
      return value !== null && compareRatio(value, HALF) > 0;
    });

  const decide = (top: Ratio | null, shared: boolean, majority: boolean): Outcome => {
    if (!closed) {
      return 'open';
    }
    if (quorumFailed || top === null) {
      return 'no_quorum';
    }
    const cleared = againstThreshold(top, rules);
    if (cleared < 0) {
      return 'rejected';
    }
    if (!shared && cleared > 0) {
      return majority ? 'passed' : 'rejected';
    }
    // A motion lacking a majority somewhere fails whatever its total; options that tie are a tie first.
    return motion && !majority ? 'rejected' : 'tie';
  };

  const base = {
    closed,
    cutoffTs,
    endEventId: end !== undefined && end.ts <= block.closes_at ? end.eventId : null,
    provisional: counts.undecryptable > 0 || counts.hiddenEnd,
    undecryptable: counts.undecryptable,
    classes,
  };

  if (motion) {
    const support = weighted((shares) => shares[0] ?? null);
    return {
      ...base,
      weightedSupport: support === null ? null : toFraction(support),
      outcome: decide(
        support,
        false,
        majorityEverywhere((shares) => shares[0] ?? null),
      ),
    };
  }

  const optionShares = counts.optionIds.map((id, option) => ({ id, share: weighted((shares) => shares[option] ?? null) }));
  let top: { id: string; share: Ratio } | null = null;
  let shared = false;
  for (const { id, share } of optionShares) {
    if (share === null) {
      continue;
    }
    const cmp = top === null ? 1 : compareRatio(share, top.share);
    if (cmp > 0) {
      top = { id, share };
      shared = false;
    } else if (cmp === 0) {
      shared = true;
    }
  }
  const topOption = top === null ? -1 : counts.optionIds.indexOf(top.id);
  const outcome = decide(
    top?.share ?? null,
    shared,
    majorityEverywhere((shares) => shares[topOption] ?? null),
  );
  return {
    ...base,
    weightedSupport: null,
    optionShares: optionShares.map(({ id, share }) => ({ id, share: toFraction(share ?? ZERO) })),
    winner: outcome === 'passed' && top !== null ? top.id : null,
    outcome,
  };
};
