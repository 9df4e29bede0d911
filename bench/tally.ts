/**
 * Tally speed: one proposal with 100,000 responses across the four default classes
 * (changed votes, withdrawals, spoiled and undecryptable ballots, late votes), tallied by
 * the governance engine and, in the same run, by a naive pass that only keeps each
 * sender's latest answer in a Map (no rules). Goal: median < 50 ms. The first tally of a
 * proposal also indexes its electorate, once; it is printed beside.
 */
import { defaultCharter } from '../main/core/governance/default-charter.ts';
import { memberStateKey, MOTION_ANSWER_IDS, parseMemberEntry, rulesFor, userIdFromStateKey } from '../main/core/governance/protocol.ts';
import { tally } from '../main/core/governance/tally.ts';
import type { ResponseInput, TallyInput } from '../main/core/governance/tally-types.ts';
import { median, percentile, report } from './bench-kit.ts';

const RESPONSES = Number(process.env.RESPONSES ?? 100_000);
const ROUNDS = Number(process.env.ROUNDS ?? 30);
const WARM_UP = 5;
const GOAL_MS = 50;
const CLOSES_AT = 1_800_000_000_000;

/** A fixed pseudo-random sequence (mulberry32), so every run tallies the same votes. */
let seed = 20240917;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
};

/**
 * Strings as a client holds them: user ids from parsed registry state keys, responses from
 * parsed event JSON (V8 compares such strings at a different speed than literals).
 */
const build = (): TallyInput => {
  const rules = rulesFor(defaultCharter({ pendiri: 2500, pekerja: 3500, pengguna: 3000, investor: 1000 }), 'biasa');
  if (rules === null) {
    throw new Error('no biasa decision type');
  }
  // Roughly the shape of a platform co-op: few founders and investors, many users.
  const sizes: [string, number][] = [
    ['pendiri', 60],
    ['pekerja', 3_000],
    ['pengguna', 90_000],
    ['investor', 400],
  ];
  const registry = sizes.flatMap(([classId, size]) =>
    Array.from({ length: size }, (_, index) => ({ state_key: memberStateKey(`@${classId}-${String(index)}:kmp.example`), content: { v: 1, class: classId } })),
  );
  const electorate = new Map<string, string>();
  for (const event of JSON.parse(JSON.stringify(registry)) as typeof registry) {
    const userId = userIdFromStateKey(event.state_key);
    const entry = parseMemberEntry(event.content);
    if (userId !== null && entry !== null) {
      electorate.set(userId, entry.class);
    }
  }
  const members = [...electorate.keys()];
  const events: ResponseInput[] = [];
  for (let index = 0; events.length < RESPONSES; index++) {
    const sender = members[Math.floor(random() * members.length)] as string;
    const roll = random();
    // 3 % withdrawals, 1 % spoiled, 0.5 % undecryptable, 1 % late, 1 % non-members, 0.5 % redacted; repeat senders are changed votes.
    const answers = roll < 0.03 ? [] : roll < 0.04 ? ['mungkin'] : roll < 0.045 ? null : [MOTION_ANSWER_IDS[Math.floor(random() * 3)] as string];
    const late = random() < 0.01;
    events.push({
      eventId: `$${index.toString(36).padStart(8, '0')}`,
      sender: random() < 0.01 ? `@tamu-${String(index)}:kmp.example` : sender,
      ts: late ? CLOSES_AT + 1000 : CLOSES_AT - 86_400_000 + Math.floor(random() * 86_400_000),
      answers,
      ...(random() < 0.005 ? { redacted: true } : {}),
    });
  }
  const responses = JSON.parse(JSON.stringify(events)) as ResponseInput[];
  return {
    proposal: {
      eventId: '$proposal',
      sender: '@ketua:kmp.example',
      ts: CLOSES_AT - 90_000_000,
      answerIds: MOTION_ANSWER_IDS,
      maxSelections: 1,
      block: { v: 1, title: 'Bench', body: '', decision_type: 'biasa', kind: 'motion', closes_at: CLOSES_AT, charter_event_id: '$charter', rules },
    },
    electorate,
    closers: new Set(['@pengawas:kmp.example']),
    responses,
    ends: [{ eventId: '$end', sender: '@ketua:kmp.example', ts: CLOSES_AT + 5000 }],
    now: CLOSES_AT + 10_000,
  };
};

/** The least any client does: keep the latest answer per sender, then count answers. */
const naiveCount = (input: TallyInput): Map<string, number> => {
  const latest = new Map<string, ResponseInput>();
  for (const response of input.responses) {
    const current = latest.get(response.sender);
    if (current === undefined || response.ts > current.ts) {
      latest.set(response.sender, response);
    }
  }
  const counts = new Map<string, number>();
  for (const response of latest.values()) {
    const answer = response.answers?.[0];
    if (answer !== undefined) {
      counts.set(answer, (counts.get(answer) ?? 0) + 1);
    }
  }
  return counts;
};

const time = (run: () => unknown): number[] => {
  for (let round = 0; round < WARM_UP; round++) {
    run();
  }
  return Array.from({ length: ROUNDS }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
};

const input = build();
// The first tally of a proposal also indexes its frozen electorate (once per proposal);
// each round here gets a fresh copy of the electorate, made outside the timed part.
const copies = Array.from({ length: WARM_UP + ROUNDS }, () => new Map(input.electorate));
const firstTally = time(() => tally({ ...input, electorate: copies.pop() ?? input.electorate }));
// Every later tally of it (votes keep arriving while it is open): the same electorate.
const engine = time(() => tally(input));
const baseline = time(() => naiveCount(input));
const result = tally(input);

report(
  `weighted tally (${String(input.responses.length)} responses, ${String(input.electorate.size)} members, ${String(ROUNDS)} rounds after ${String(WARM_UP)} warm-up)`,
  {
    'engine median ms': median(engine),
    'engine p90 ms': percentile(engine, 90),
    'first tally of a proposal (indexing), median ms': median(firstTally),
    'goal (median) ms': `< ${String(GOAL_MS)}`,
    'baseline: latest-per-sender Map, median ms': median(baseline),
    'baseline p90 ms': percentile(baseline, 90),
    'ratio engine / baseline (median)': (median(engine) / median(baseline)).toFixed(2),
    'outcome (sanity)': `${result.outcome}, support ${result.weightedSupport?.num ?? '-'}/${result.weightedSupport?.den ?? '-'}, ${String(result.undecryptable)} undecryptable`,
    verdict: median(engine) < GOAL_MS ? 'meets the goal' : 'MISSES the goal',
  },
);
