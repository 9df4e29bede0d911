/**
 * The wire format of Rembuk governance (`docs/governance.md` is the specification): the
 * custom event types and blocks under `coop.rembuk`, and the MSC3381 poll events they ride
 * on. Parsers accept what any client may send and never throw; builders send only the
 * unstable poll types, since no stable room version allows the stable ones yet.
 */
import { z } from 'zod';

export const NAMESPACE = 'coop.rembuk';
/** State event, state_key '': the co-op's charter; its presence marks the assembly room. */
export const CHARTER_EVENT = 'coop.rembuk.charter';
/** State event, state_key `member|@user:server`: one member's class in the registry. */
export const MEMBER_EVENT = 'coop.rembuk.member';
/** Block inside a poll start that makes the poll a formal proposal. */
export const PROPOSAL_BLOCK = 'coop.rembuk.proposal';
/** Block inside a poll end carrying the closer's tally (a claim: every client recomputes). */
export const TALLY_BLOCK = 'coop.rembuk.tally';
/** Poll kind of proposals: unknown to other clients, which then treat the poll as undisclosed. */
export const WEIGHTED_KIND = 'coop.rembuk.weighted';

export const POLL_START = 'org.matrix.msc3381.poll.start';
export const POLL_RESPONSE = 'org.matrix.msc3381.poll.response';
export const POLL_END = 'org.matrix.msc3381.poll.end';
export const STABLE_POLL_START = 'm.poll.start';
export const STABLE_POLL_RESPONSE = 'm.poll.response';
export const STABLE_POLL_END = 'm.poll.end';
/** MSC1767 text block, as the unstable poll events carry it (a plain string). */
export const TEXT_KEY = 'org.matrix.msc1767.text';
const DISCLOSED_KINDS = new Set(['org.matrix.msc3381.poll.disclosed', 'm.disclosed', 'm.poll.disclosed']);

export const ANSWER_FOR = 'setuju';
export const ANSWER_AGAINST = 'tolak';
export const ANSWER_ABSTAIN = 'abstain';
export const MOTION_ANSWER_IDS: readonly string[] = [ANSWER_FOR, ANSWER_AGAINST, ANSWER_ABSTAIN];

/** MSC3381 truncates a poll's answers to 20. */
export const MAX_ANSWERS = 20;
/**
 * Never a valid answer id (parsePollStart drops empty ids). A response whose selection is
 * malformed is read as naming it, so it spoils the ballot as MSC3381 asks of an invalid
 * latest vote, instead of silently letting an older vote count.
 */
export const INVALID_ANSWER = '';

// ---------------------------------------------------------------------------------------
// Charter, rules and registry

/** Class and decision-type ids: short, lower-case, safe in state keys and JSON keys. */
export const identifier = z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'identifier');
const localized = z.object({ id: z.string().min(1).max(200), en: z.string().min(1).max(200) });
const basisPoints = z.number().int().min(0).max(10000);
/** A Matrix power level: any safe integer. */
const powerLevel = z.number().int();

export const threshold = z
  .object({ num: z.number().int().min(1).max(1_000_000), den: z.number().int().min(1).max(1_000_000), strict: z.boolean() })
  .refine(({ num, den }) => num <= den, 'threshold_range');
export type Threshold = z.infer<typeof threshold>;

const belowQuorum = z.enum(['drop', 'fail']);
const withoutVotes = z.enum(['drop', 'against']);
const weightedClass = z.object({ id: identifier, weight_bps: basisPoints });
const quorums = z.record(identifier, basisPoints);

/** The checks shared by a charter and a proposal's copy of its rules. */
const checkClasses = (
  classes: readonly { id: string; weight_bps: number }[],
  quorumMaps: readonly { path: (string | number)[]; quorum: Record<string, number> }[],
  ctx: z.RefinementCtx,
): void => {
  const seen = new Set<string>();
  classes.forEach((entry, index) => {
    if (seen.has(entry.id)) {
      ctx.addIssue({ code: 'custom', message: 'duplicate_class', path: ['classes', index, 'id'] });
    }
    seen.add(entry.id);
  });
  const total = classes.reduce((sum, entry) => sum + entry.weight_bps, 0);
  if (total !== 10000) {
    ctx.addIssue({ code: 'custom', message: 'weights_sum', path: ['classes'] });
  }
  for (const { path, quorum } of quorumMaps) {
    for (const key of Object.keys(quorum)) {
      if (!seen.has(key)) {
        ctx.addIssue({ code: 'custom', message: 'unknown_quorum_class', path: [...path, key] });
      }
    }
  }
};

const decisionType = z.object({
  name: localized,
  threshold,
  /** Missing classes have no quorum (0). */
  class_quorum_bps: quorums,
  below_quorum: belowQuorum,
  require_majority_in_each_class: z.boolean(),
});

export const charterSchema = z
  .object({
    v: z.literal(1),
    version: z.number().int().min(1),
    name: localized,
    classes: z
      .array(weightedClass.extend({ name: localized }))
      .min(1)
      .max(32),
    decision_types: z.record(identifier, decisionType).refine((types) => Object.keys(types).length > 0, 'no_decision_types'),
    without_votes: withoutVotes,
    power: z.object({ propose: powerLevel, close: powerLevel, registry: powerLevel }),
  })
  .superRefine((charter, ctx) => {
    checkClasses(
      charter.classes,
      Object.entries(charter.decision_types).map(([id, type]) => ({ path: ['decision_types', id, 'class_quorum_bps'], quorum: type.class_quorum_bps })),
      ctx,
    );
  });
export type Charter = z.infer<typeof charterSchema>;
export type DecisionType = z.infer<typeof decisionType>;

const firstIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid' : `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`;
};

/** Which rule a charter breaks, as `path: rule` (e.g. `classes: weights_sum`), or null when it is valid. */
export const charterError = (value: unknown): string | null => {
  const parsed = charterSchema.safeParse(value);
  return parsed.success ? null : firstIssue(parsed.error);
};

export const parseCharter = (value: unknown): Charter | null => {
  const parsed = charterSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** The rules a proposal copies from the charter when it is made, so a later charter change cannot alter it. */
export const proposalRules = z
  .object({
    classes: z.array(weightedClass).min(1).max(32),
    threshold,
    class_quorum_bps: quorums,
    below_quorum: belowQuorum,
    without_votes: withoutVotes,
    require_majority_in_each_class: z.boolean(),
  })
  .superRefine((rules, ctx) => {
    checkClasses(rules.classes, [{ path: ['class_quorum_bps'], quorum: rules.class_quorum_bps }], ctx);
  });
export type ProposalRules = z.infer<typeof proposalRules>;

/** The rules of `decisionTypeId` in the charter, ready to copy into a proposal; null for an unknown type. */
export const rulesFor = (charter: Charter, decisionTypeId: string): ProposalRules | null => {
  const type = Object.hasOwn(charter.decision_types, decisionTypeId) ? charter.decision_types[decisionTypeId] : undefined;
  if (type === undefined) {
    return null;
  }
  return {
    classes: charter.classes.map((entry) => ({ id: entry.id, weight_bps: entry.weight_bps })),
    threshold: { ...type.threshold },
    class_quorum_bps: { ...type.class_quorum_bps },
    below_quorum: type.below_quorum,
    without_votes: charter.without_votes,
    require_majority_in_each_class: type.require_majority_in_each_class,
  };
};

/** JSON with object keys sorted, so two copies of the same rules compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, entry: unknown) =>
    isRecord(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : entry,
  );

/**
 * Whether a proposal's copied rules are exactly the charter's for its decision type, and it
 * names that charter event: without this check a proposer could write any weights into the
 * block. `charter` and `charterEventId` are the charter state at the proposal event.
 */
export const rulesMatchCharter = (block: ProposalBlock, charter: Charter, charterEventId: string): boolean => {
  const rules = rulesFor(charter, block.decision_type);
  return rules !== null && block.charter_event_id === charterEventId && canonical(rules) === canonical(block.rules);
};

export const memberEntry = z.object({ v: z.literal(1), class: identifier, member_no: z.string().min(1).max(64).optional() });
export type MemberEntry = z.infer<typeof memberEntry>;

/** A registry entry's class, or null for empty (`{}`), redacted or malformed content: no class. */
export const parseMemberEntry = (content: unknown): MemberEntry | null => {
  const parsed = memberEntry.safeParse(content);
  return parsed.success ? parsed.data : null;
};

const MEMBER_KEY_PREFIX = 'member|';

/** The registry state key of a user; it does not start with '@', so only the registry's power level may set it (auth rule 9). */
export const memberStateKey = (userId: string): string => `${MEMBER_KEY_PREFIX}${userId}`;

/**
 * The user a registry state key names, or null for any other key. The id is returned as a
 * fresh string, not a slice: V8 keeps a long slice as a view into its parent, and matching
 * senders against such keys in the electorate Map made a 100,000-vote tally about 3× slower.
 */
export const userIdFromStateKey = (key: string): string | null => {
  if (!key.startsWith(`${MEMBER_KEY_PREFIX}@`)) {
    return null;
  }
  const userId = key.slice(MEMBER_KEY_PREFIX.length);
  return userId.includes(':') ? (JSON.parse(JSON.stringify(userId)) as string) : null;
};

// ---------------------------------------------------------------------------------------
// Proposals

/**
 * Markdown body limit: with the title and fallback text it stays well under the 65,536-byte
 * event limit even after Megolm's base64 (×4/3) and 3-byte UTF-8 characters.
 */
export const MAX_PROPOSAL_BODY = 8000;

export const proposalBlock = z.object({
  v: z.literal(1),
  title: z.string().min(1).max(300),
  body: z.string().max(MAX_PROPOSAL_BODY),
  decision_type: identifier,
  kind: z.enum(['motion', 'options']),
  /** Milliseconds since the epoch. */
  closes_at: z.number().int().positive(),
  charter_event_id: z.string().min(2).max(255).startsWith('$'),
  rules: proposalRules,
});
export type ProposalBlock = z.infer<typeof proposalBlock>;

export type PollAnswer = { id: string; text: string };
/** 'weighted' is Rembuk's own kind; show it like 'undisclosed' (no running counts). */
export type PollKind = 'disclosed' | 'undisclosed' | 'weighted';
export type PollStart = {
  question: string;
  answers: PollAnswer[];
  maxSelections: number;
  kind: PollKind;
  /** The proposal block, when present and consistent with the poll; otherwise an informal poll. */
  block: ProposalBlock | null;
};
export type PollResponse = { startId: string; answers: string[] };
export type PollEnd = { startId: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/** MSC1767 text in either form: the unstable string, or the stable `[{mimetype?, body}]` list (plain text preferred). */
const textOf = (value: unknown): string | null => {
  if (typeof value === 'string') {
    return value;
  }
  if (!Array.isArray(value)) {
    return null;
  }
  const bodies = value.filter(isRecord).filter((entry) => typeof entry.body === 'string');
  const plain = bodies.find((entry) => entry.mimetype === undefined || entry.mimetype === 'text/plain') ?? bodies[0];
  return plain === undefined ? null : (plain.body as string);
};

const textIn = (block: Record<string, unknown>): string | null => textOf(block[TEXT_KEY]) ?? textOf(block['m.text']) ?? textOf(block.body);

const referenceTo = (content: Record<string, unknown>): string | null => {
  const relation = content['m.relates_to'];
  if (!isRecord(relation) || relation.rel_type !== 'm.reference' || typeof relation.event_id !== 'string' || relation.event_id === '') {
    return null;
  }
  return relation.event_id;
};

const parseAnswers = (value: unknown): PollAnswer[] => {
  const answers: PollAnswer[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(value) ? value : []) {
    if (!isRecord(entry)) {
      continue;
    }
    const id = entry.id ?? entry['m.id'];
    const text = textIn(entry);
    // An answer without an id cannot be voted for; a repeated id would make votes ambiguous.
    if (typeof id !== 'string' || id === INVALID_ANSWER || text === null || seen.has(id)) {
      continue;
    }
    seen.add(id);
    answers.push({ id, text });
  }
  return answers.slice(0, MAX_ANSWERS);
};

const blockFits = (block: ProposalBlock, answers: readonly PollAnswer[], maxSelections: number): boolean => {
  if (block.kind === 'options') {
    return answers.length >= 2;
  }
  const ids = new Set(answers.map((answer) => answer.id));
  return maxSelections === 1 && answers.length === MOTION_ANSWER_IDS.length && MOTION_ANSWER_IDS.every((id) => ids.has(id));
};

/** A poll start in the unstable or the stable form; null when it is not a usable poll. */
export const parsePollStart = (type: string, content: unknown): PollStart | null => {
  if ((type !== POLL_START && type !== STABLE_POLL_START) || !isRecord(content)) {
    return null;
  }
  const poll = [content[POLL_START], content['m.poll'], content[STABLE_POLL_START]].find(isRecord);
  if (poll === undefined || !isRecord(poll.question)) {
    return null;
  }
  const question = textIn(poll.question);
  const answers = parseAnswers(poll.answers);
  if (question === null || answers.length === 0) {
    return null;
  }
  const max = poll.max_selections;
  const maxSelections = typeof max === 'number' && Number.isSafeInteger(max) && max >= 1 ? max : 1;
  const kind: PollKind =
    poll.kind === WEIGHTED_KIND ? 'weighted' : typeof poll.kind === 'string' && DISCLOSED_KINDS.has(poll.kind) ? 'disclosed' : 'undisclosed';
  const parsedBlock = proposalBlock.safeParse(content[PROPOSAL_BLOCK]);
  const block = parsedBlock.success && blockFits(parsedBlock.data, answers, maxSelections) ? parsedBlock.data : null;
  return { question, answers, maxSelections, kind, block };
};

/**
 * A poll response in either form. Class or weight fields in it are ignored: a voter's class
 * comes only from the registry. A malformed selection becomes `[INVALID_ANSWER]` (spoiled).
 */
export const parsePollResponse = (type: string, content: unknown): PollResponse | null => {
  if ((type !== POLL_RESPONSE && type !== STABLE_POLL_RESPONSE) || !isRecord(content)) {
    return null;
  }
  const startId = referenceTo(content);
  if (startId === null) {
    return null;
  }
  const unstable = content[POLL_RESPONSE];
  const candidates = [isRecord(unstable) ? unstable.answers : undefined, content['m.selections']];
  const selection = (type === POLL_RESPONSE ? candidates : candidates.reverse()).find((value) => value !== undefined);
  return { startId, answers: isStringArray(selection) ? [...selection] : [INVALID_ANSWER] };
};

export const parsePollEnd = (type: string, content: unknown): PollEnd | null => {
  if ((type !== POLL_END && type !== STABLE_POLL_END) || !isRecord(content)) {
    return null;
  }
  const startId = referenceTo(content);
  return startId === null ? null : { startId };
};

// ---------------------------------------------------------------------------------------
// Builders (unstable types only)

export const MOTION_ANSWERS: readonly PollAnswer[] = [
  { id: ANSWER_FOR, text: 'Setuju / For' },
  { id: ANSWER_AGAINST, text: 'Tolak / Against' },
  { id: ANSWER_ABSTAIN, text: 'Abstain / Abstain' },
];

/** A vote's or an end's link to its poll start (MSC3381 uses m.reference). */
export type PollReference = { rel_type: 'm.reference'; event_id: string };

export const reference = (startId: string): PollReference => ({ rel_type: 'm.reference', event_id: startId });

export type TextBlock = { 'org.matrix.msc1767.text': string };

/** The content of a proposal's `org.matrix.msc3381.poll.start` (what `proposalStartContent` builds). */
export type PollStartContent = TextBlock & {
  'org.matrix.msc3381.poll.start': { kind: string; max_selections: number; question: TextBlock; answers: ({ id: string } & TextBlock)[] };
  'coop.rembuk.proposal': ProposalBlock;
};

/** The content of a vote, `org.matrix.msc3381.poll.response`. */
export type PollResponseContent = { 'm.relates_to': PollReference; 'org.matrix.msc3381.poll.response': { answers: string[] } };

/** The text every client shows: the question, the answers, and why their own count is not the result. */
const proposalFallback = (block: ProposalBlock, answers: readonly PollAnswer[]): string =>
  [
    block.title,
    ...answers.map((answer, index) => `${String(index + 1)}. ${answer.text}`),
    '',
    `Ditutup / Closes: ${new Date(block.closes_at).toISOString()}`,
    'Usulan berbobot Rembuk: hitungan suara di aplikasi lain BUKAN hasil resmi; hasil resmi dihitung per kelompok anggota menurut anggaran dasar.',
    'Weighted Rembuk proposal: vote counts shown by other apps are NOT the official result; the official result is weighted by member class per the charter.',
  ].join('\n');

export const proposalStartContent = (block: ProposalBlock, answers: readonly PollAnswer[], maxSelections = 1): PollStartContent => ({
  [TEXT_KEY]: proposalFallback(block, answers),
  [POLL_START]: {
    kind: WEIGHTED_KIND,
    max_selections: maxSelections,
    question: { [TEXT_KEY]: block.title },
    answers: answers.map((answer) => ({ id: answer.id, [TEXT_KEY]: answer.text })),
  },
  [PROPOSAL_BLOCK]: proposalBlock.parse(block),
});

export const responseContent = (startId: string, answers: readonly string[]): PollResponseContent => ({
  'm.relates_to': reference(startId),
  [POLL_RESPONSE]: { answers: [...answers] },
});

/** A validated copy of the charter, with unknown fields dropped; throws when it breaks a rule. */
export const charterContent = (charter: Charter): Charter => {
  const parsed = charterSchema.safeParse(charter);
  if (!parsed.success) {
    throw new Error(`invalid charter: ${firstIssue(parsed.error)}`);
  }
  return parsed.data;
};

/** A registry entry; null clears the member's class (the content becomes `{}`). */
export const memberContent = (entry: { class: string; member_no?: string } | null): MemberEntry | Record<string, never> =>
  entry === null ? {} : memberEntry.parse({ v: 1, class: entry.class, ...(entry.member_no === undefined ? {} : { member_no: entry.member_no }) });
