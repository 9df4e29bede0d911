import { describe, expect, it } from 'vitest';
import { endContent } from './end-content.ts';
import { defaultCharter } from './default-charter.ts';
import {
  charterContent,
  charterError,
  INVALID_ANSWER,
  memberContent,
  memberStateKey,
  MOTION_ANSWERS,
  parseCharter,
  parseMemberEntry,
  parsePollEnd,
  parsePollResponse,
  parsePollStart,
  POLL_END,
  POLL_RESPONSE,
  POLL_START,
  PROPOSAL_BLOCK,
  proposalStartContent,
  responseContent,
  rulesFor,
  rulesMatchCharter,
  STABLE_POLL_END,
  STABLE_POLL_RESPONSE,
  STABLE_POLL_START,
  TALLY_BLOCK,
  TEXT_KEY,
  userIdFromStateKey,
  WEIGHTED_KIND,
  type ProposalBlock,
} from './protocol.ts';
import { tally } from './tally.ts';

const block = (): ProposalBlock => {
  const rules = rulesFor(defaultCharter(), 'biasa');
  if (rules === null) {
    throw new Error('biasa');
  }
  return {
    v: 1,
    title: 'Menaikkan simpanan wajib',
    body: 'Usulan **pengurus**.',
    decision_type: 'biasa',
    kind: 'motion',
    closes_at: 1_800_000_000_000,
    charter_event_id: '$charter',
    rules,
  };
};

describe('charter', () => {
  it('accepts the default charter and its round trip through content', () => {
    const charter = defaultCharter();
    expect(charterError(charter)).toBeNull();
    expect(parseCharter(JSON.parse(JSON.stringify(charterContent(charter))))).toEqual(charter);
  });

  it('says which rule a charter breaks', () => {
    const charter = defaultCharter();
    const broken = (change: (value: ReturnType<typeof defaultCharter>) => unknown): string | null => {
      const copy = structuredClone(charter);
      change(copy);
      return charterError(copy);
    };
    expect(broken((c) => (c.classes[0] = { ...c.classes[0]!, weight_bps: 2501 }))).toBe('classes: weights_sum');
    expect(broken((c) => (c.classes[0] = { ...c.classes[0]!, weight_bps: 2500.5 }))).toMatch(/^classes\.0\.weight_bps: /);
    expect(broken((c) => (c.classes[1] = { ...c.classes[1]!, id: 'pendiri' }))).toBe('classes.1.id: duplicate_class');
    expect(broken((c) => (c.classes[1] = { ...c.classes[1]!, id: 'Pekerja' }))).toBe('classes.1.id: identifier');
    expect(broken((c) => (c.decision_types.biasa!.threshold = { num: 3, den: 2, strict: false }))).toBe('decision_types.biasa.threshold: threshold_range');
    expect(broken((c) => (c.decision_types.biasa!.threshold = { num: 0, den: 2, strict: false }))).toMatch(/^decision_types\.biasa\.threshold\.num: /);
    expect(broken((c) => (c.decision_types.biasa!.class_quorum_bps = { pengurus: 100 }))).toBe(
      'decision_types.biasa.class_quorum_bps.pengurus: unknown_quorum_class',
    );
    expect(broken((c) => (c.decision_types = {}))).toBe('decision_types: no_decision_types');
    expect(broken((c) => ((c as { v: number }).v = 2))).toMatch(/^v: /);
    expect(parseCharter({})).toBeNull();
  });

  it('builds the default charter with the creator’s weights', () => {
    const charter = defaultCharter({ pekerja: 3500, pengguna: 3000, investor: 1000 });
    expect(charter.classes.map((entry) => [entry.id, entry.weight_bps])).toEqual([
      ['pendiri', 2500],
      ['pekerja', 3500],
      ['pengguna', 3000],
      ['investor', 1000],
    ]);
    expect(charter.decision_types.khusus).toMatchObject({
      threshold: { num: 2, den: 3, strict: false },
      below_quorum: 'fail',
      require_majority_in_each_class: true,
    });
    expect(charter.decision_types.khusus?.class_quorum_bps.pengguna).toBe(1000);
    expect(() => defaultCharter({ pekerja: 5000 })).toThrow(/weights_sum/);
    expect(() => defaultCharter({ pengurus: 0 })).toThrow(/unknown class/);
  });

  it('checks that a proposal copied the charter rules in force, in any key order', () => {
    const charter = defaultCharter();
    const proposal = block();
    expect(rulesMatchCharter(proposal, charter, '$charter')).toBe(true);
    const reordered = {
      ...proposal,
      rules: JSON.parse(
        JSON.stringify(
          proposal.rules,
          Object.keys(proposal.rules)
            .reverse()
            .concat('id', 'weight_bps', 'num', 'den', 'strict', ...Object.keys(proposal.rules.class_quorum_bps)),
        ),
      ) as ProposalBlock['rules'],
    };
    expect(rulesMatchCharter(reordered, charter, '$charter')).toBe(true);
    expect(rulesMatchCharter(proposal, charter, '$other')).toBe(false);
    expect(rulesMatchCharter({ ...proposal, decision_type: 'khusus' }, charter, '$charter')).toBe(false);
    const inflated = structuredClone(proposal);
    inflated.rules.classes[0]!.weight_bps = 7000;
    inflated.rules.classes[1]!.weight_bps = 0;
    expect(rulesMatchCharter(inflated, charter, '$charter')).toBe(false);
  });

  it('copies the rules of a decision type, and none for an unknown one', () => {
    expect(rulesFor(defaultCharter(), 'khusus')).toMatchObject({ without_votes: 'drop', below_quorum: 'fail', threshold: { num: 2, den: 3, strict: false } });
    expect(rulesFor(defaultCharter(), 'constructor')).toBeNull();
  });
});

describe('member registry', () => {
  it('keys entries so that no user can set their own', () => {
    expect(memberStateKey('@alice:kmp.example')).toBe('member|@alice:kmp.example');
    expect(memberStateKey('@alice:kmp.example').startsWith('@')).toBe(false);
    expect(userIdFromStateKey('member|@alice:kmp.example')).toBe('@alice:kmp.example');
    expect(userIdFromStateKey('@alice:kmp.example')).toBeNull();
    expect(userIdFromStateKey('member|alice')).toBeNull();
  });

  it('reads empty, redacted or malformed entries as no class', () => {
    expect(parseMemberEntry({ v: 1, class: 'pekerja', member_no: 'KMP-000123' })).toEqual({ v: 1, class: 'pekerja', member_no: 'KMP-000123' });
    expect(parseMemberEntry({})).toBeNull();
    expect(parseMemberEntry({ v: 1, class: 'Pekerja' })).toBeNull();
    expect(memberContent(null)).toEqual({});
    expect(memberContent({ class: 'pengguna' })).toEqual({ v: 1, class: 'pengguna' });
  });
});

describe('poll start', () => {
  it('round-trips a proposal through its content', () => {
    const content = proposalStartContent(block(), MOTION_ANSWERS);
    const parsed = parsePollStart(POLL_START, JSON.parse(JSON.stringify(content)));
    expect(parsed).toEqual({ question: 'Menaikkan simpanan wajib', answers: [...MOTION_ANSWERS], maxSelections: 1, kind: 'weighted', block: block() });
    expect(content[TEXT_KEY]).toContain('BUKAN hasil resmi');
    expect(content[TEXT_KEY]).toContain('NOT the official result');
    expect((content[POLL_START] as { kind: string }).kind).toBe(WEIGHTED_KIND);
  });

  it('reads the stable form', () => {
    const parsed = parsePollStart(STABLE_POLL_START, {
      'm.text': [{ mimetype: 'text/plain', body: 'Makan apa?\n1. Nasi' }],
      'm.poll': {
        kind: 'm.disclosed',
        max_selections: 2,
        question: { 'm.text': [{ mimetype: 'text/html', body: '<b>Makan apa?</b>' }, { body: 'Makan apa?' }] },
        answers: [
          { 'm.id': 'nasi', 'm.text': [{ body: 'Nasi' }] },
          { 'm.id': 'mie', 'm.text': [{ body: 'Mie' }] },
        ],
      },
    });
    expect(parsed).toEqual({
      question: 'Makan apa?',
      answers: [
        { id: 'nasi', text: 'Nasi' },
        { id: 'mie', text: 'Mie' },
      ],
      maxSelections: 2,
      kind: 'disclosed',
      block: null,
    });
  });

  it('applies MSC3381 defaults: 20 answers at most, max_selections 1, unknown kinds undisclosed', () => {
    const answers = Array.from({ length: 25 }, (_, index) => ({ id: `o${String(index)}`, [TEXT_KEY]: `Pilihan ${String(index)}` }));
    const parsed = parsePollStart(POLL_START, { [POLL_START]: { kind: 'org.example.ranked', max_selections: 0, question: { [TEXT_KEY]: 'Q' }, answers } });
    expect(parsed?.answers).toHaveLength(20);
    expect(parsed).toMatchObject({ maxSelections: 1, kind: 'undisclosed' });
    expect(parsePollStart(POLL_START, { [POLL_START]: { question: { [TEXT_KEY]: 'Q' }, answers: [] } })).toBeNull();
    expect(parsePollStart('m.room.message', { body: 'hi' })).toBeNull();
  });

  it('treats a proposal block that does not fit the poll as an informal poll', () => {
    const content = proposalStartContent(block(), [
      { id: 'setuju', text: 'Ya' },
      { id: 'tolak', text: 'Tidak' },
    ]);
    expect(parsePollStart(POLL_START, content)?.block).toBeNull();
    const twoChoices = proposalStartContent(block(), MOTION_ANSWERS, 2);
    expect(parsePollStart(POLL_START, twoChoices)?.block).toBeNull();
    const badRules = proposalStartContent(block(), MOTION_ANSWERS);
    badRules[PROPOSAL_BLOCK].rules.classes[0]!.weight_bps = 1;
    expect(parsePollStart(POLL_START, badRules)?.block).toBeNull();
  });
});

describe('poll response and end', () => {
  it('reads both forms and round-trips what Rembuk sends', () => {
    expect(parsePollResponse(POLL_RESPONSE, responseContent('$p', ['setuju']))).toEqual({ startId: '$p', answers: ['setuju'] });
    expect(parsePollResponse(STABLE_POLL_RESPONSE, { 'm.relates_to': { rel_type: 'm.reference', event_id: '$p' }, 'm.selections': ['tolak'] })).toEqual({
      startId: '$p',
      answers: ['tolak'],
    });
    expect(parsePollResponse(POLL_RESPONSE, responseContent('$p', []))).toEqual({ startId: '$p', answers: [] });
  });

  it('spoils a malformed selection rather than dropping the response', () => {
    const content = { 'm.relates_to': { rel_type: 'm.reference', event_id: '$p' }, [POLL_RESPONSE]: { answers: 'setuju' } };
    expect(parsePollResponse(POLL_RESPONSE, content)).toEqual({ startId: '$p', answers: [INVALID_ANSWER] });
  });

  it('ignores events that do not reference the poll (a redaction strips the relation)', () => {
    expect(parsePollResponse(POLL_RESPONSE, {})).toBeNull();
    expect(parsePollResponse(POLL_RESPONSE, { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$p' }, [POLL_RESPONSE]: { answers: [] } })).toBeNull();
    expect(parsePollEnd(POLL_END, {})).toBeNull();
  });

  it('reads ends in both forms and carries the tally in what Rembuk sends', () => {
    const result = tally({
      proposal: { eventId: '$p', sender: '@ketua:kmp', ts: 1, answerIds: MOTION_ANSWERS.map((answer) => answer.id), maxSelections: 1, block: block() },
      electorate: new Map([['@a:kmp', 'pendiri']]),
      closers: new Set(),
      responses: [{ eventId: '$r', sender: '@a:kmp', ts: 2, answers: ['setuju'] }],
      ends: [{ eventId: '$e', sender: '@ketua:kmp', ts: 3 }],
    });
    const content = endContent('$p', result, 'Usulan diterima / Proposal passed (100.00 %)');
    expect(parsePollEnd(POLL_END, content)).toEqual({ startId: '$p' });
    expect(parsePollEnd(STABLE_POLL_END, { 'm.relates_to': { rel_type: 'm.reference', event_id: '$p' }, 'm.text': [{ body: 'Closed' }] })).toEqual({
      startId: '$p',
    });
    expect(JSON.parse(JSON.stringify(content[TALLY_BLOCK]))).toEqual({ v: 1, ...JSON.parse(JSON.stringify(result)) });
    expect(content[POLL_END]).toEqual({});
  });
});
