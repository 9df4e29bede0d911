import { describe, expect, it } from 'vitest';
import { assembleProposal, powerOf, readCreators, readPowerLevels, type GovEvent, type RawStateEvent } from './assemble.ts';
import { defaultCharter } from './default-charter.ts';
import {
  CHARTER_EVENT,
  MEMBER_EVENT,
  MOTION_ANSWERS,
  POLL_END,
  POLL_RESPONSE,
  POLL_START,
  memberStateKey,
  proposalStartContent,
  responseContent,
  rulesFor,
  type ProposalBlock,
} from './protocol.ts';

const CHAIR = '@ketua:kmp.example';
const WORKER = '@pekerja:kmp.example';
const charter = defaultCharter();

const state = (extra: RawStateEvent[] = []): RawStateEvent[] => [
  { type: 'm.room.create', state_key: '', sender: CHAIR, content: { room_version: '12' } },
  { type: 'm.room.power_levels', state_key: '', content: { users: { '@sekretaris:kmp.example': 50 }, users_default: 0 } },
  { type: CHARTER_EVENT, state_key: '', event_id: '$charter', content: charter },
  { type: MEMBER_EVENT, state_key: memberStateKey(CHAIR), content: { v: 1, class: 'pendiri' } },
  { type: MEMBER_EVENT, state_key: memberStateKey(WORKER), content: { v: 1, class: 'pekerja' } },
  // No class: an empty (cleared) entry, and one naming a class the charter does not have.
  { type: MEMBER_EVENT, state_key: memberStateKey('@mantan:kmp.example'), content: {} },
  { type: MEMBER_EVENT, state_key: memberStateKey('@asing:kmp.example'), content: { v: 1, class: 'pemerintah' } },
  ...extra,
];

const block = (changes: Partial<ProposalBlock> = {}): ProposalBlock => ({
  v: 1,
  title: 'Menaikkan simpanan wajib',
  body: '',
  decision_type: 'biasa',
  kind: 'motion',
  closes_at: 100_000,
  charter_event_id: '$charter',
  rules: rulesFor(charter, 'biasa') as NonNullable<ReturnType<typeof rulesFor>>,
  ...changes,
});

const start = (proposal = block(), sender = CHAIR): GovEvent => ({
  eventId: '$proposal',
  sender,
  ts: 1000,
  type: POLL_START,
  content: proposalStartContent(proposal, MOTION_ANSWERS),
  undecryptable: false,
});

const event = (eventId: string, sender: string, type: string, content: unknown, undecryptable = false): GovEvent => ({
  eventId,
  sender,
  ts: 2000,
  type,
  content,
  undecryptable,
});

describe('assembleProposal', () => {
  it('freezes the electorate from the registry at the proposal, ignoring cleared entries and unknown classes', () => {
    const assembled = assembleProposal(start(), state(), []);
    expect(assembled?.invalid).toBeNull();
    expect([...(assembled?.electorate ?? [])]).toEqual([
      [CHAIR, 'pendiri'],
      [WORKER, 'pekerja'],
    ]);
  });

  it('reads votes (unstable and stable), undecryptable votes and ends, and only those about this proposal', () => {
    const related = [
      event('$a', CHAIR, POLL_RESPONSE, responseContent('$proposal', ['setuju'])),
      event('$b', WORKER, 'm.poll.response', { 'm.relates_to': { rel_type: 'm.reference', event_id: '$proposal' }, 'm.selections': ['tolak'] }),
      event('$c', WORKER, 'm.room.encrypted', {}, true),
      event('$d', CHAIR, POLL_RESPONSE, responseContent('$another', ['setuju'])),
      event('$e', '@sekretaris:kmp.example', POLL_END, { 'm.relates_to': { rel_type: 'm.reference', event_id: '$proposal' }, [POLL_END]: {} }),
    ];
    const input = assembleProposal(start(), state(), related)?.input;
    expect(input?.responses.map((response) => [response.eventId, response.answers])).toEqual([
      ['$a', ['setuju']],
      ['$b', ['tolak']],
      ['$c', null],
    ]);
    expect(input?.ends.map((end) => end.eventId)).toEqual(['$e']);
    // The secretary holds the default charter's closing level (50) at the proposal.
    expect([...(input?.closers ?? [])].sort()).toEqual([CHAIR, '@sekretaris:kmp.example']);
  });

  it('does not count a member without the closing power level at the proposal among the closers', () => {
    const related = [event('$e', WORKER, POLL_END, { 'm.relates_to': { rel_type: 'm.reference', event_id: '$proposal' }, [POLL_END]: {} })];
    expect(assembleProposal(start(), state(), related)?.input.closers.has(WORKER)).toBe(false);
  });

  it('marks a proposal whose copied rules differ from the charter in force as invalid', () => {
    const forged = block({ rules: { ...block().rules, threshold: { num: 1, den: 10, strict: false } } });
    expect(assembleProposal(start(forged), state(), [])?.invalid).toBe('rules_mismatch');
  });

  it('marks a proposal naming another charter event, or made without a charter, as invalid', () => {
    expect(assembleProposal(start(block({ charter_event_id: '$old' })), state(), [])?.invalid).toBe('charter_mismatch');
    expect(
      assembleProposal(
        start(),
        state().filter((entry) => entry.type !== CHARTER_EVENT),
        [],
      )?.invalid,
    ).toBe('no_charter');
  });

  it('marks a proposal from a member below the charter’s proposing power level as invalid', () => {
    const strict = { ...charter, power: { ...charter.power, propose: 50 } };
    const stateWithStrictCharter = state().map((entry) => (entry.type === CHARTER_EVENT ? { ...entry, content: strict } : entry));
    expect(assembleProposal(start(block(), WORKER), stateWithStrictCharter, [])?.invalid).toBe('proposer_power');
    // The creator of a room version 12 room outranks every level.
    expect(assembleProposal(start(block(), CHAIR), stateWithStrictCharter, [])?.invalid).toBeNull();
  });

  it('is null for a poll that is not a Rembuk proposal', () => {
    const plainPoll = { ...start(), content: { ...(start().content as Record<string, unknown>), 'coop.rembuk.proposal': undefined } };
    expect(assembleProposal(plainPoll, state(), [])).toBeNull();
  });
});

describe('power levels', () => {
  it('gives the creators of a room version 12 room unlimited power, and none before it', () => {
    const levels = readPowerLevels(
      { users: { [WORKER]: 50 }, users_default: 0 },
      readCreators({ type: 'm.room.create', sender: CHAIR, content: { room_version: '12', additional_creators: ['@wakil:kmp.example'] } }),
    );
    expect(powerOf(levels, CHAIR)).toBe(Number.POSITIVE_INFINITY);
    expect(powerOf(levels, '@wakil:kmp.example')).toBe(Number.POSITIVE_INFINITY);
    expect(powerOf(levels, WORKER)).toBe(50);
    expect(powerOf(levels, '@tamu:kmp.example')).toBe(0);
    expect(readCreators({ type: 'm.room.create', sender: CHAIR, content: { room_version: '11' } })).toEqual([]);
  });
});
