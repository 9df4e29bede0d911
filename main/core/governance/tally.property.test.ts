/**
 * Properties of the tally on random proposals: arrival order never matters, and the exact
 * result agrees with a deliberately naive reference (sort everything, floats) written from
 * the rules in docs/governance.md rather than from tally.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MOTION_ANSWER_IDS, type ProposalBlock, type ProposalRules } from './protocol.ts';
import { compare, fraction, toNumber } from './rational.ts';
import { tally } from './tally.ts';
import type { EndInput, ResponseInput, TallyInput, TallyResult } from './tally-types.ts';

const CLASSES = ['pendiri', 'pekerja', 'pengguna', 'investor'];
const CLOSES_AT = 150;
const PROPOSER = '@ketua:kmp';
const CLOSER = '@pengawas:kmp';
const OPTIONS = ['a', 'b', 'c', 'd'];

const weightsArb = fc.array(fc.nat({ max: 100 }), { minLength: 4, maxLength: 4 }).map((raw) => {
  const total = raw.reduce((sum, value) => sum + value, 0);
  if (total === 0) {
    return [2500, 2500, 2500, 2500];
  }
  const weights = raw.map((value) => Math.floor((value * 10000) / total));
  weights[3] = 10000 - (weights[0] ?? 0) - (weights[1] ?? 0) - (weights[2] ?? 0);
  return weights;
});

const rulesArb: fc.Arbitrary<ProposalRules> = fc
  .record({
    weights: weightsArb,
    quorum: fc.array(fc.option(fc.integer({ min: 0, max: 10000 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    den: fc.integer({ min: 1, max: 8 }),
    num: fc.integer({ min: 1, max: 8 }),
    strict: fc.boolean(),
    below: fc.constantFrom('drop' as const, 'fail' as const),
    without: fc.constantFrom('drop' as const, 'against' as const),
    majority: fc.boolean(),
  })
  .map(({ weights, quorum, den, num, strict, below, without, majority }) => ({
    classes: CLASSES.map((id, index) => ({ id, weight_bps: weights[index] ?? 0 })),
    threshold: { num: Math.min(num, den), den, strict },
    class_quorum_bps: Object.fromEntries(CLASSES.flatMap((id, index) => (quorum[index] === undefined ? [] : [[id, quorum[index]]]))),
    below_quorum: below,
    without_votes: without,
    require_majority_in_each_class: majority,
  }));

const answersArb = (ids: readonly string[]): fc.Arbitrary<string[] | null> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(fc.constantFrom(...ids), { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...ids, 'rusak'), { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.constant<string[] | null>(null) },
  );

/** Timestamps that often coincide, with each other and with closes_at, so ties and the cut-off edge get exercised. */
const tsArb = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(40, 100, CLOSES_AT));

const inputArb: fc.Arbitrary<TallyInput> = fc
  .record({
    rules: rulesArb,
    kind: fc.constantFrom('motion' as const, 'options' as const),
    maxSelections: fc.integer({ min: 1, max: 3 }),
    members: fc.array(fc.constantFrom(...CLASSES, 'tamu'), { maxLength: 25, size: 'medium' }),
    responses: fc.array(
      fc.record({
        who: fc.oneof(fc.nat({ max: 4 }), fc.nat({ max: 29 })),
        ts: tsArb,
        redacted: fc.boolean(),
        motion: answersArb(MOTION_ANSWER_IDS),
        options: answersArb(OPTIONS),
      }),
      { maxLength: 120, size: 'medium' },
    ),
    ends: fc.array(fc.record({ who: fc.constantFrom(PROPOSER, CLOSER, '@u0:kmp', '@orang:kmp'), ts: fc.oneof(tsArb, fc.integer({ min: 0, max: 250 })) }), {
      maxLength: 4,
    }),
    now: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  })
  .map(({ rules, kind, maxSelections, members, responses, ends, now }) => {
    const block: ProposalBlock = { v: 1, title: 'Usulan', body: '', decision_type: 'biasa', kind, closes_at: CLOSES_AT, charter_event_id: '$c', rules };
    return {
      proposal: {
        eventId: '$p',
        sender: PROPOSER,
        ts: 10,
        answerIds: kind === 'motion' ? [...MOTION_ANSWER_IDS] : OPTIONS,
        maxSelections: kind === 'motion' && maxSelections === 3 ? 1 : maxSelections,
        block,
      },
      electorate: new Map(members.map((classId, index) => [`@u${String(index)}:kmp`, classId])),
      closers: new Set([CLOSER]),
      responses: responses.map((entry, index): ResponseInput => ({
        // Ids not in ts order, so same-ts ties are broken by id rather than by position.
        eventId: `$${((index * 7919) % 1000).toString(36)}-${String(index)}`,
        sender: entry.who === 29 ? CLOSER : `@u${String(entry.who)}:kmp`,
        ts: entry.ts,
        answers: kind === 'motion' ? entry.motion : entry.options,
        ...(entry.redacted && entry.ts % 3 === 0 ? { redacted: true } : {}),
      })),
      ends: ends.map((entry, index): EndInput => ({ eventId: `$end${String(9 - index)}`, sender: entry.who, ts: entry.ts })),
      now,
    };
  });

const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
};

/** The rules of docs/governance.md done the slow, obvious way, in floating point. */
const naiveTally = (input: TallyInput) => {
  const { proposal } = input;
  const { rules, kind, closes_at: closesAt } = proposal.block;
  const byOrder = (a: { ts: number; eventId: string }, b: { ts: number; eventId: string }) =>
    a.ts - b.ts || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
  const ends = input.ends.filter((end) => end.sender === proposal.sender || input.closers.has(end.sender)).sort(byOrder);
  const cutoff = ends[0] === undefined ? closesAt : Math.min(closesAt, ends[0].ts);
  const closed = ends.length > 0 || (input.now !== undefined && input.now >= closesAt);
  const ballotOf = new Map<string, readonly string[] | null>();
  for (const response of input.responses.filter((entry) => entry.redacted !== true && entry.ts <= cutoff).sort(byOrder)) {
    ballotOf.set(response.sender, response.answers);
  }
  const hiddenEnd = input.responses.some(
    (entry) => entry.answers === null && entry.redacted !== true && entry.ts < cutoff && (entry.sender === proposal.sender || input.closers.has(entry.sender)),
  );
  let undecryptable = 0;
  const rows = rules.classes.map((entry) => ({
    ...entry,
    eligible: 0,
    for: 0,
    against: 0,
    abstain: 0,
    spoiled: 0,
    ballots: 0,
    shares: new Map<string, number>(),
  }));
  for (const [member, classId] of input.electorate) {
    const row = rows.find((entry) => entry.id === classId);
    if (row === undefined) {
      continue;
    }
    row.eligible++;
    const answers = ballotOf.get(member);
    if (answers === undefined || (answers !== null && answers.length === 0)) {
      continue;
    }
    if (answers === null) {
      undecryptable++;
      continue;
    }
    const picked = [...new Set(answers.slice(0, proposal.maxSelections))];
    if (picked.some((id) => !proposal.answerIds.includes(id)) || (kind === 'motion' && picked.length !== 1)) {
      row.spoiled++;
      continue;
    }
    row.ballots++;
    if (kind === 'motion') {
      row.for += picked[0] === 'setuju' ? 1 : 0;
      row.against += picked[0] === 'tolak' ? 1 : 0;
      row.abstain += picked[0] === 'abstain' ? 1 : 0;
    } else {
      for (const id of picked) {
        row.shares.set(id, (row.shares.get(id) ?? 0) + 1 / picked.length);
      }
    }
  }
  let failed = false;
  const counting = rows.filter((row) => {
    const quorum = rules.class_quorum_bps[row.id] ?? 0;
    const met = row.ballots / row.eligible >= quorum / 10000;
    if (row.eligible === 0 || row.weight_bps === 0) {
      return false;
    }
    failed ||= !met && rules.below_quorum === 'fail';
    const decided = kind === 'motion' ? row.for + row.against : row.ballots;
    return met && (decided > 0 || rules.without_votes === 'against');
  });
  const total = counting.reduce((sum, row) => sum + row.weight_bps, 0);
  const support = (row: (typeof rows)[number]) => (row.for + row.against === 0 ? 0 : row.for / (row.for + row.against));
  const share = (row: (typeof rows)[number], id: string) => (row.ballots === 0 ? 0 : (row.shares.get(id) ?? 0) / row.ballots);
  const weighted = (value: (row: (typeof rows)[number]) => number) =>
    total === 0 ? null : counting.reduce((sum, row) => sum + row.weight_bps * value(row), 0) / total;
  return {
    closed,
    cutoff,
    endEventId: ends[0] !== undefined && ends[0].ts <= closesAt ? ends[0].eventId : null,
    undecryptable,
    hiddenEnd,
    rows,
    counting: new Set(counting.map((row) => row.id)),
    failed,
    support: kind === 'motion' ? weighted(support) : null,
    options: kind === 'options' ? OPTIONS.map((id) => weighted((row) => share(row, id))) : null,
    /** Whether every counting class gives the motion (or the option) more than half; null when too close to call in floats. */
    majority: (option: number): boolean | null => {
      const values = counting.map((row) => (kind === 'motion' ? support(row) : share(row, OPTIONS[option] ?? '')));
      return values.some((value) => Math.abs(value - 0.5) < 1e-9) ? null : values.every((value) => value > 0.5);
    },
  };
};

describe('tally properties', () => {
  it('gives the same result for any arrival order of responses, ends and members', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const shuffled: TallyInput = {
          ...input,
          responses: shuffle(input.responses, seed),
          ends: shuffle(input.ends, seed + 1),
          electorate: new Map(shuffle([...input.electorate], seed + 2)),
        };
        expect(tally(shuffled)).toEqual(tally(input));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps weighted support in [0, 1] and agrees with a floating-point recomputation', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result: TallyResult = tally(input);
        const naive = naiveTally(input);
        expect(result.closed).toBe(naive.closed);
        expect(result.cutoffTs).toBe(naive.cutoff);
        expect(result.endEventId).toBe(naive.endEventId);
        expect(result.undecryptable).toBe(naive.undecryptable);
        expect(result.provisional).toBe(naive.undecryptable > 0 || naive.hiddenEnd);
        result.classes.forEach((row, index) => {
          const expected = naive.rows[index];
          expect(row).toMatchObject({
            eligible: expected?.eligible,
            for: expected?.for,
            against: expected?.against,
            abstain: expected?.abstain,
            spoiled: expected?.spoiled,
          });
          expect(row.counts).toBe(naive.counting.has(row.id));
        });
        if (input.proposal.block.kind === 'motion') {
          if (naive.support === null) {
            expect(result.weightedSupport).toBeNull();
          } else {
            expect(result.weightedSupport).not.toBeNull();
            const exact = result.weightedSupport ?? fraction(0);
            expect(compare(exact, fraction(0))).toBeGreaterThanOrEqual(0);
            expect(compare(exact, fraction(1))).toBeLessThanOrEqual(0);
            expect(Math.abs(toNumber(exact) - naive.support)).toBeLessThan(1e-9);
          }
        } else {
          result.optionShares?.forEach((entry, index) => {
            expect(Math.abs(toNumber(entry.share) - (naive.options?.[index] ?? 0))).toBeLessThan(1e-9);
          });
        }
        const { threshold } = input.proposal.block.rules;
        const top =
          input.proposal.block.kind === 'motion' ? naive.support : naive.options === null ? null : Math.max(...naive.options.map((share) => share ?? 0));
        // Away from the threshold, floating point is decisive enough to check the outcome too.
        if (!naive.closed) {
          expect(result.outcome).toBe('open');
        } else if (naive.failed || top === null || naive.counting.size === 0) {
          expect(result.outcome).toBe('no_quorum');
        } else if (top < threshold.num / threshold.den - 1e-9) {
          expect(result.outcome).toBe('rejected');
        } else if (top > threshold.num / threshold.den + 1e-9) {
          const shares = naive.options?.map((share) => share ?? 0) ?? [top];
          const topIndex = shares.indexOf(top);
          const runnerUp = Math.max(-1, ...shares.filter((_, index) => index !== topIndex));
          const majority = input.proposal.block.rules.require_majority_in_each_class ? naive.majority(topIndex) : true;
          if (majority === false && top - runnerUp > 1e-9) {
            expect(result.outcome).toBe('rejected');
          } else if (majority && top - runnerUp > 1e-9) {
            expect(result.outcome).toBe('passed');
            expect(result.winner).toBe(input.proposal.block.kind === 'options' ? OPTIONS[topIndex] : undefined);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
