/**
 * From a proposal's events to the tally engine's input: the proposal, the room state at it
 * (charter, class registry, power levels — the electorate and who may close are frozen
 * there), and the events related to it. Pure, so the app and `npm run coop:audit` build
 * exactly the same input from the same events.
 */
import {
  CHARTER_EVENT,
  MEMBER_EVENT,
  parseCharter,
  parseMemberEntry,
  parsePollEnd,
  parsePollResponse,
  parsePollStart,
  rulesMatchCharter,
  userIdFromStateKey,
  type Charter,
  type PollStart,
  type ProposalBlock,
} from './protocol.ts';
import type { EndInput, ResponseInput, TallyInput } from './tally-types.ts';

/** One room event as the governance code reads it: after decryption, if it could be decrypted. */
export type GovEvent = {
  eventId: string;
  sender: string;
  ts: number;
  type: string;
  content: unknown;
  /** An encrypted event this device cannot (yet) decrypt. */
  undecryptable: boolean;
};

/** A state event as `/context` returns it. */
export type RawStateEvent = { type: string; state_key?: string; event_id?: string; sender?: string; content?: unknown };

/** `creators`: in room versions 12 and later ("hydra") the creators outrank every power level. */
export type PowerLevels = { users: Record<string, number>; usersDefault: number; creators: readonly string[] };

/** Why a proposal is shown but not counted. */
export type InvalidReason = 'no_charter' | 'charter_mismatch' | 'rules_mismatch' | 'proposer_power';

export type AssembledProposal = {
  poll: PollStart;
  block: ProposalBlock;
  /** The charter in force at the proposal. */
  charter: Charter | null;
  electorate: Map<string, string>;
  powerLevels: PowerLevels;
  invalid: InvalidReason | null;
  input: TallyInput;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Room versions where the creators hold unlimited power (MSC4289): 12 onwards, and its unstable name. */
const hasPrivilegedCreators = (version: unknown): boolean =>
  version === 'org.matrix.hydra.11' || (typeof version === 'string' && /^\d+$/.test(version) && Number(version) >= 12);

/** The creators with unlimited power, from the m.room.create event (none before room version 12). */
export const readCreators = (create: RawStateEvent | undefined): string[] => {
  const content = isRecord(create?.content) ? create.content : {};
  if (create?.sender === undefined || !hasPrivilegedCreators(content.room_version)) {
    return [];
  }
  const additional = Array.isArray(content.additional_creators) ? content.additional_creators.filter((id): id is string => typeof id === 'string') : [];
  return [create.sender, ...additional];
};

export const readPowerLevels = (content: unknown, creators: readonly string[] = []): PowerLevels => {
  const record = isRecord(content) ? content : {};
  const users: Record<string, number> = {};
  if (isRecord(record.users)) {
    for (const [userId, level] of Object.entries(record.users)) {
      if (typeof level === 'number' && Number.isSafeInteger(level)) {
        users[userId] = level;
      }
    }
  }
  const usersDefault = typeof record.users_default === 'number' && Number.isSafeInteger(record.users_default) ? record.users_default : 0;
  return { users, usersDefault, creators };
};

export const powerOf = (levels: PowerLevels, userId: string): number =>
  levels.creators.includes(userId)
    ? Number.POSITIVE_INFINITY
    : Object.hasOwn(levels.users, userId)
      ? (levels.users[userId] ?? levels.usersDefault)
      : levels.usersDefault;

/** The class registry as state events hold it: member → class id, for entries naming a class. */
export const readRegistry = (state: readonly RawStateEvent[]): Map<string, string> => {
  const registry = new Map<string, string>();
  for (const event of state) {
    if (event.type !== MEMBER_EVENT || event.state_key === undefined) {
      continue;
    }
    const userId = userIdFromStateKey(event.state_key);
    const entry = parseMemberEntry(event.content);
    if (userId !== null && entry !== null) {
      registry.set(userId, entry.class);
    }
  }
  return registry;
};

const electorates = new WeakMap<readonly RawStateEvent[], { classIds: string; electorate: Map<string, string> }>();

/**
 * The registry at the proposal, members of classes the proposal's rules know. The same Map
 * for the same state: the engine indexes an electorate once, and re-tallies as votes arrive.
 */
const frozenElectorate = (stateAtProposal: readonly RawStateEvent[], block: ProposalBlock): Map<string, string> => {
  const classIds = block.rules.classes.map((entry) => entry.id).join('\u0000');
  const cached = electorates.get(stateAtProposal);
  if (cached?.classIds === classIds) {
    return cached.electorate;
  }
  const known = new Set(block.rules.classes.map((entry) => entry.id));
  const electorate = new Map([...readRegistry(stateAtProposal)].filter(([, classId]) => known.has(classId)));
  electorates.set(stateAtProposal, { classIds, electorate });
  return electorate;
};

/**
 * Builds the tally input; null when `start` is not a Rembuk proposal (no valid block). A
 * proposal that breaks the charter in force is still assembled, marked `invalid`.
 */
export const assembleProposal = (start: GovEvent, stateAtProposal: readonly RawStateEvent[], related: readonly GovEvent[]): AssembledProposal | null => {
  const poll = parsePollStart(start.type, start.content);
  const block = poll?.block ?? null;
  if (poll === null || block === null) {
    return null;
  }
  const charterEvent = stateAtProposal.find((event) => event.type === CHARTER_EVENT && event.state_key === '');
  const charter = charterEvent === undefined ? null : parseCharter(charterEvent.content);
  const powerEvent = stateAtProposal.find((event) => event.type === 'm.room.power_levels' && event.state_key === '');
  const createEvent = stateAtProposal.find((event) => event.type === 'm.room.create' && event.state_key === '');
  const powerLevels = readPowerLevels(powerEvent?.content, readCreators(createEvent));
  const electorate = frozenElectorate(stateAtProposal, block);

  const invalid: InvalidReason | null =
    charter === null
      ? 'no_charter'
      : charterEvent?.event_id !== block.charter_event_id
        ? 'charter_mismatch'
        : !rulesMatchCharter(block, charter, block.charter_event_id)
          ? 'rules_mismatch'
          : powerOf(powerLevels, start.sender) < charter.power.propose
            ? 'proposer_power'
            : null;

  const responses: ResponseInput[] = [];
  const ends: EndInput[] = [];
  for (const event of related) {
    if (event.undecryptable) {
      // The relation is in clear text, the content is not: most likely a vote.
      responses.push({ eventId: event.eventId, sender: event.sender, ts: event.ts, answers: null });
      continue;
    }
    const response = parsePollResponse(event.type, event.content);
    if (response?.startId === start.eventId) {
      responses.push({ eventId: event.eventId, sender: event.sender, ts: event.ts, answers: response.answers });
      continue;
    }
    const end = parsePollEnd(event.type, event.content);
    if (end?.startId === start.eventId) {
      ends.push({ eventId: event.eventId, sender: event.sender, ts: event.ts });
    }
  }
  // Everyone who could close at the proposal, not only those whose end we could read: an
  // undecryptable event from one of them might be an earlier end (the engine then says provisional).
  const closeLevel = charter?.power.close ?? Number.POSITIVE_INFINITY;
  const candidates = [...Object.keys(powerLevels.users), ...powerLevels.creators, ...related.map((event) => event.sender)];
  const closers = new Set(candidates.filter((userId) => powerOf(powerLevels, userId) >= closeLevel));

  return {
    poll,
    block,
    charter,
    electorate,
    powerLevels,
    invalid,
    input: {
      proposal: {
        eventId: start.eventId,
        sender: start.sender,
        ts: start.ts,
        answerIds: poll.answers.map((answer) => answer.id),
        maxSelections: poll.maxSelections,
        block,
      },
      electorate,
      closers,
      responses,
      ends,
    },
  };
};
