import { endContent } from './end-content.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { MAX_PROPOSAL_OPEN_MS, type CoopSummary, type CoopView, type ProposalSummary, type ProposalView } from '../../../shared/model/coop.ts';
import type { Clock, Logger } from '../ports.ts';
import { memberOf } from '../room-snapshot.ts';
import { toRembukError } from '../matrix/matrix-errors.ts';
import { ENCRYPTION_ON, type RoomActions } from '../matrix/room-actions.ts';

/** Of the room actions, the co-op service only checks that invitees exist. */
type UserCheck = Pick<RoomActions, 'requireUsers'>;
/** What the service tells the reminders (they keep what was raised). */
type Reminders = Pick<CoopReminders, 'newProposal' | 'check'>;
import { assembleProposal, powerOf, type AssembledProposal, type RawStateEvent } from './assemble.ts';
import { CoopRoom } from './coop-room.ts';
import type { CoopReminders, OpenProposal } from './coop-reminders.ts';
import { charterView, resultSummary, rulesView, tallyView } from './coop-views.ts';
import { defaultCharter } from './default-charter.ts';
import type { FetchedEvent, GovernancePort, LiveEvent } from './governance-port.ts';
import { PROPOSAL_STATUS_EVENT, type ProposalStatus } from './proposal-index.ts';
import {
  CHARTER_EVENT,
  MEMBER_EVENT,
  MOTION_ANSWERS,
  POLL_END,
  POLL_RESPONSE,
  POLL_START,
  charterContent,
  memberContent,
  memberStateKey,
  parsePollEnd,
  parsePollResponse,
  parsePollStart,
  proposalStartContent,
  responseContent,
  rulesFor,
  type ProposalBlock,
} from './protocol.ts';
import { tally } from './tally.ts';
import type { TallyResult } from './tally-types.ts';

/** A proposal's events as last fetched, kept current by live events. */
type Material = { start: FetchedEvent; stateAtProposal: RawStateEvent[]; related: Map<string, FetchedEvent> };

/** How often open proposals are checked for their "closing soon" reminder. */
const REMINDER_CHECK_MS = 60_000;
/** Power levels of a new assembly room beyond the charter's own (which come from it). */
const ASSEMBLY_ADMIN = 100;

export type CoopListeners = { changed(roomId: string | null): void };

/**
 * The Co-op tab's work in main: reading co-ops, their members and proposals from the
 * assembly rooms, tallying with the one engine (`tally.ts`), and sending charters, class
 * registry entries, proposals, votes and ends (docs/governance.md).
 */
export class CoopService {
  private readonly matrix: GovernancePort;
  private readonly rooms: UserCheck;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly listeners: CoopListeners;
  private readonly reminders: Reminders;
  /** By proposal id; a promise so concurrent readers share one fetch. */
  private readonly materials = new Map<string, Promise<Material>>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(options: { matrix: GovernancePort; rooms: UserCheck; clock: Clock; logger: Logger; listeners: CoopListeners; reminders: Reminders }) {
    this.matrix = options.matrix;
    this.rooms = options.rooms;
    this.clock = options.clock;
    this.logger = options.logger;
    this.listeners = options.listeners;
    this.reminders = options.reminders;
    this.wire();
  }

  private get me(): string {
    return this.matrix.userId;
  }

  /** After the first sync: reminders from now on, and spaces of co-ops joined elsewhere. */
  ready(): void {
    if (this.stopped || this.timer !== null) {
      return;
    }
    this.timer = setInterval(() => {
      void this.checkReminders();
    }, REMINDER_CHECK_MS);
    void this.checkReminders();
    void this.joinInvitedSpaces();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Whether a room is a co-op's assembly room (for change notifications). */
  isCoop(roomId: string): boolean {
    const room = this.matrix.room(roomId);
    return room !== null && CoopRoom.of(room) !== null;
  }

  private coops(): CoopRoom[] {
    return this.matrix
      .rooms()
      .filter((room) => room.myMembership === 'join')
      .map((room) => CoopRoom.of(room))
      .filter((coop): coop is CoopRoom => coop !== null);
  }

  private coop(roomId: string): CoopRoom {
    const room = this.matrix.room(roomId);
    const coop = room?.myMembership === 'join' ? CoopRoom.of(room) : null;
    if (coop === null) {
      throw new RembukError('coop_not_found');
    }
    return coop;
  }

  list(): CoopSummary[] {
    const now = this.clock.now();
    return this.coops()
      .map((coop) => ({
        roomId: coop.roomId,
        name: coop.room.name,
        openProposals: [...coop.proposalIndex().values()].filter((status) => status.status === 'open' && status.closes_at > now).length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(roomId: string): Promise<CoopView> {
    const coop = this.coop(roomId);
    const summaries = await Promise.all(this.proposalIds(coop).map((id) => this.summary(coop, id).catch((error: unknown) => this.unreadable(id, error))));
    const now = this.clock.now();
    const proposals = summaries
      .filter((summary): summary is ProposalSummary => summary !== null)
      // Open first, soonest deadline first; then closed, newest first.
      .sort((a, b) => Number(a.closed) - Number(b.closed) || (a.closed ? b.closesAt - a.closesAt : a.closesAt - b.closesAt) || a.id.localeCompare(b.id));
    return {
      roomId,
      spaceId: coop.spaceId(),
      name: coop.room.name,
      charter: charterView(coop.charter),
      members: coop.members(),
      proposals: proposals.map((summary) => ({ ...summary, closed: summary.closed || (summary.outcome !== 'open' && summary.closesAt <= now) })),
      canManageRegistry: coop.mayManageRegistry(this.me),
      canPropose: coop.mayPropose(this.me),
      canInvite: coop.mayInvite(this.me),
      canAppointSecretaries: coop.mayAppointSecretaries(this.me),
    };
  }

  private unreadable(id: string, error: unknown): null {
    this.logger.warn(`proposal ${id} could not be read`, error);
    return null;
  }

  /** Every proposal the index lists, and any in the loaded timeline the index missed. */
  private proposalIds(coop: CoopRoom): string[] {
    const ids = new Set(coop.proposalIndex().keys());
    for (const event of this.matrix.loadedEvents(coop.roomId)) {
      if (event.eventId !== '' && (parsePollStart(event.type, event.content)?.block ?? null) !== null) {
        ids.add(event.eventId);
      }
    }
    return [...ids];
  }

  async proposal(roomId: string, proposalId: string): Promise<ProposalView> {
    const coop = this.coop(roomId);
    const { assembled, result } = await this.tallied(roomId, proposalId);
    const summary = this.summarise(coop, assembled, result);
    const block = assembled.block;
    const name = assembled.charter?.decision_types[block.decision_type]?.name ?? { id: block.decision_type, en: block.decision_type };
    const closer = summary.proposer === this.me || powerOf(assembled.powerLevels, this.me) >= (assembled.charter?.power.close ?? Number.POSITIVE_INFINITY);
    return {
      ...summary,
      body: block.body,
      answers: assembled.poll.answers,
      decision: rulesView(block.decision_type, name, block.rules),
      withoutVotes: block.rules.without_votes,
      classes: block.rules.classes.map((entry) => ({
        id: entry.id,
        name: assembled.charter?.classes.find((known) => known.id === entry.id)?.name ?? { id: entry.id, en: entry.id },
        weightBps: entry.weight_bps,
      })),
      tally: tallyView(result, block.rules),
      canVote: !result.closed && assembled.invalid === null && assembled.electorate.has(this.me),
      canClose: !result.closed && closer,
      invalid: assembled.invalid !== null,
    };
  }

  private async summary(coop: CoopRoom, proposalId: string): Promise<ProposalSummary | null> {
    const material = await this.material(coop.roomId, proposalId);
    const assembled = this.assemble(material);
    return assembled === null ? null : this.summarise(coop, assembled, tally({ ...assembled.input, now: this.clock.now() }));
  }

  private summarise(coop: CoopRoom, assembled: AssembledProposal, result: TallyResult): ProposalSummary {
    const { input, block } = assembled;
    return {
      id: input.proposal.eventId,
      title: block.title,
      decisionType: block.decision_type,
      kind: block.kind,
      proposer: input.proposal.sender,
      proposerName: memberOf(coop.room, input.proposal.sender)?.name ?? input.proposal.sender,
      createdAt: input.proposal.ts,
      closesAt: block.closes_at,
      closed: result.closed,
      outcome: result.outcome,
      myVote: this.myBallot(assembled, result.cutoffTs),
    };
  }

  /** This member's latest ballot at or before the cut-off, as the engine would read it. */
  private myBallot(assembled: AssembledProposal, cutoffTs: number): string[] | null {
    let latest: { ts: number; eventId: string; answers: readonly string[] | null } | null = null;
    for (const response of assembled.input.responses) {
      if (response.sender !== this.me || response.ts > cutoffTs) {
        continue;
      }
      if (latest === null || response.ts > latest.ts || (response.ts === latest.ts && response.eventId > latest.eventId)) {
        latest = response;
      }
    }
    return latest === null || latest.answers === null || latest.answers.length === 0 ? null : [...latest.answers];
  }

  private assemble(material: Material): AssembledProposal | null {
    return assembleProposal(material.start, material.stateAtProposal, [...material.related.values()]);
  }

  private async tallied(roomId: string, proposalId: string): Promise<{ assembled: AssembledProposal; result: TallyResult }> {
    const assembled = this.assemble(await this.material(roomId, proposalId));
    if (assembled === null) {
      throw new RembukError('proposal_not_found');
    }
    return { assembled, result: tally({ ...assembled.input, now: this.clock.now() }) };
  }

  private material(roomId: string, proposalId: string, refresh = false): Promise<Material> {
    const cached = this.materials.get(proposalId);
    if (cached !== undefined && !refresh) {
      return cached;
    }
    const loading = this.matrix.proposalMaterial(roomId, proposalId).then(
      ({ start, stateAtProposal, related }): Material => {
        if (start.roomId !== roomId && start.roomId !== null) {
          throw new RembukError('proposal_not_found');
        }
        return { start, stateAtProposal, related: new Map(related.map((event) => [event.eventId, event])) };
      },
      (error: unknown) => {
        throw toRembukError(error, 'proposal_not_found');
      },
    );
    this.materials.set(proposalId, loading);
    loading.catch(() => {
      if (this.materials.get(proposalId) === loading) {
        this.materials.delete(proposalId);
      }
    });
    return loading;
  }

  // --- what a member does ------------------------------------------------------------

  async create(input: { name: string; weights: Record<string, number>; invite: readonly string[] }): Promise<{ roomId: string; spaceId: string }> {
    let charter;
    try {
      charter = charterContent(defaultCharter(input.weights));
    } catch (error) {
      throw new RembukError('invalid_charter', error instanceof Error ? error.message : String(error));
    }
    const others = [...new Set(input.invite)].filter((userId) => userId !== this.me);
    await this.rooms.requireUsers(others);
    const server = this.me.slice(this.me.indexOf(':') + 1);
    try {
      const spaceId = await this.matrix.createRoom({
        name: input.name,
        preset: 'private_chat',
        visibility: 'private',
        creation_content: { type: 'm.space' },
        // The creator holds unlimited power as creator (room version 12) and need not be listed.
        power_level_content_override: { events_default: ASSEMBLY_ADMIN },
      });
      const roomId = await this.matrix.createRoom({
        name: input.name,
        topic: 'Rapat anggota koperasi / The co-op members’ assembly',
        preset: 'private_chat',
        visibility: 'private',
        initial_state: [
          ENCRYPTION_ON,
          { type: 'm.space.parent', state_key: spaceId, content: { via: [server], canonical: true } },
          { type: CHARTER_EVENT, state_key: '', content: charter },
        ],
        power_level_content_override: {
          events: {
            [CHARTER_EVENT]: ASSEMBLY_ADMIN,
            [MEMBER_EVENT]: charter.power.registry,
            [PROPOSAL_STATUS_EVENT]: charter.power.propose,
            'm.room.power_levels': ASSEMBLY_ADMIN,
          },
          invite: charter.power.registry,
          redact: charter.power.close,
        },
      });
      await this.matrix.sendState(spaceId, { type: 'm.space.child', content: { via: [server], suggested: true } }, roomId);
      for (const userId of others) {
        await this.matrix.invite(spaceId, userId);
        await this.matrix.invite(roomId, userId);
      }
      this.listeners.changed(null);
      return { roomId, spaceId };
    } catch (error) {
      throw toRembukError(error);
    }
  }

  async assignClass(roomId: string, userId: string, classId: string | null): Promise<void> {
    const coop = this.coop(roomId);
    if (!coop.mayManageRegistry(this.me)) {
      throw new RembukError('forbidden');
    }
    if (classId !== null && !coop.charter.classes.some((entry) => entry.id === classId)) {
      throw new RembukError('invalid_request', `unknown class ${classId}`);
    }
    try {
      await this.matrix.sendState(roomId, { type: MEMBER_EVENT, content: memberContent(classId === null ? null : { class: classId }) }, memberStateKey(userId));
    } catch (error) {
      throw toRembukError(error);
    }
  }

  async setSecretary(roomId: string, userId: string, secretary: boolean): Promise<void> {
    const coop = this.coop(roomId);
    if (!coop.mayAppointSecretaries(this.me)) {
      throw new RembukError('forbidden');
    }
    if (coop.powerOf(userId) === Number.POSITIVE_INFINITY) {
      // A room creator (room version 12) outranks every level: nothing to appoint or dismiss.
      throw new RembukError('invalid_request', 'the co-op founder is always a secretary');
    }
    try {
      await this.matrix.setPowerLevel(roomId, userId, secretary ? coop.secretaryLevel() : undefined);
    } catch (error) {
      throw toRembukError(error);
    }
    this.listeners.changed(roomId);
  }

  async propose(input: {
    roomId: string;
    title: string;
    body: string;
    decisionType: string;
    kind: 'motion' | 'options';
    options: readonly string[];
    closesAt: number;
  }): Promise<{ proposalId: string }> {
    const coop = this.coop(input.roomId);
    if (!coop.mayPropose(this.me)) {
      throw new RembukError('forbidden');
    }
    const now = this.clock.now();
    if (input.closesAt <= now || input.closesAt > now + MAX_PROPOSAL_OPEN_MS) {
      throw new RembukError('closing_time_invalid');
    }
    const rules = rulesFor(coop.charter, input.decisionType);
    if (rules === null) {
      throw new RembukError('invalid_request', `unknown decision type ${input.decisionType}`);
    }
    const block: ProposalBlock = {
      v: 1,
      title: input.title,
      body: input.body,
      decision_type: input.decisionType,
      kind: input.kind,
      closes_at: input.closesAt,
      charter_event_id: coop.charterEventId,
      rules,
    };
    const answers = input.kind === 'motion' ? MOTION_ANSWERS : input.options.map((text, index) => ({ id: `pilihan-${String(index + 1)}`, text }));
    try {
      const proposalId = await this.matrix.send(input.roomId, { type: POLL_START, content: proposalStartContent(block, answers) });
      const status: ProposalStatus = { v: 1, status: 'open', closes_at: input.closesAt };
      await this.matrix.sendState(input.roomId, { type: PROPOSAL_STATUS_EVENT, content: status }, proposalId);
      this.listeners.changed(input.roomId);
      return { proposalId };
    } catch (error) {
      throw toRembukError(error);
    }
  }

  async vote(roomId: string, proposalId: string, answers: readonly string[]): Promise<void> {
    this.coop(roomId);
    const { assembled, result } = await this.tallied(roomId, proposalId);
    if (result.closed) {
      throw new RembukError('proposal_closed');
    }
    if (assembled.invalid !== null || !assembled.electorate.has(this.me)) {
      throw new RembukError('not_eligible');
    }
    const known = new Set(assembled.input.proposal.answerIds);
    if (answers.some((answer) => !known.has(answer)) || answers.length > assembled.input.proposal.maxSelections) {
      throw new RembukError('invalid_answer');
    }
    try {
      const eventId = await this.matrix.send(roomId, { type: POLL_RESPONSE, content: responseContent(proposalId, answers) });
      await this.remember(roomId, proposalId, eventId);
    } catch (error) {
      throw toRembukError(error);
    }
    this.listeners.changed(roomId);
  }

  async close(roomId: string, proposalId: string): Promise<void> {
    this.coop(roomId);
    // Every vote, fetched again: the end states a final result.
    await this.material(roomId, proposalId, true);
    const { assembled, result } = await this.tallied(roomId, proposalId);
    const { input, block } = assembled;
    const mayClose =
      input.proposal.sender === this.me || powerOf(assembled.powerLevels, this.me) >= (assembled.charter?.power.close ?? Number.POSITIVE_INFINITY);
    if (!mayClose) {
      throw new RembukError('forbidden');
    }
    if (input.ends.some((end) => end.sender === input.proposal.sender || assembled.input.closers.has(end.sender))) {
      throw new RembukError('proposal_closed');
    }
    if (this.clock.now() < block.closes_at) {
      throw new RembukError('proposal_still_open');
    }
    try {
      const endId = await this.matrix.send(roomId, {
        type: POLL_END,
        content: endContent(proposalId, result, resultSummary(block.title, result, block.rules)),
      });
      await this.remember(roomId, proposalId, endId);
      const status: ProposalStatus = { v: 1, status: 'closed', closes_at: block.closes_at, end_event_id: endId };
      await this.matrix.sendState(roomId, { type: PROPOSAL_STATUS_EVENT, content: status }, proposalId);
    } catch (error) {
      throw toRembukError(error);
    }
    this.listeners.changed(roomId);
  }

  /** Adds an event we sent to its proposal's material at once, without waiting for the sync to bring it. */
  private async remember(roomId: string, proposalId: string, eventId: string): Promise<void> {
    const cached = this.materials.get(proposalId);
    if (cached === undefined) {
      return;
    }
    const event = await this.matrix.fetchEvent(roomId, eventId);
    (await cached).related.set(eventId, event);
  }

  // --- live events ---------------------------------------------------------------------

  private wire(): void {
    this.matrix.listen({
      timeline: (event) => {
        this.onEvent(event);
      },
      decrypted: (event) => {
        this.onEvent(event);
      },
      redaction: (redacted) => {
        // A redacted vote no longer relates to its poll: fetch the affected proposal again.
        for (const [proposalId, material] of this.materials) {
          void material.then((loaded) => {
            if (loaded.related.has(redacted)) {
              loaded.related.delete(redacted);
              this.materials.delete(proposalId);
              this.listeners.changed(loaded.start.roomId);
            }
          });
        }
      },
    });
  }

  private onEvent(event: LiveEvent): void {
    if (event.beingDecrypted) {
      return;
    }
    const { type, content } = event;
    const related = parsePollResponse(type, content)?.startId ?? parsePollEnd(type, content)?.startId ?? event.encryptedReference;
    const start = related === null ? parsePollStart(type, content) : null;
    // Most events are neither a vote, an end nor a proposal: they need no snapshot of their
    // room (every member and state event), which this listener would otherwise build per event.
    if (related === null && (start === null || start.block === null)) {
      return;
    }
    const room = this.matrix.room(event.roomId ?? '');
    if (room === null || CoopRoom.of(room) === null) {
      return;
    }
    if (related !== null) {
      const material = this.materials.get(related);
      void material?.then((loaded) => {
        loaded.related.set(event.eventId, event);
        this.listeners.changed(room.roomId);
      });
      return;
    }
    // An open proposal this member has not been told about, however it arrived (live, or in
    // the sync after being away); the reminders remember what was raised.
    if (start !== null && start.block !== null && event.sender !== this.me) {
      void this.reminders.newProposal({
        roomId: room.roomId,
        coopName: room.name,
        proposalId: event.eventId,
        title: start.block.title,
        closesAt: start.block.closes_at,
      });
    }
  }

  private async checkReminders(): Promise<void> {
    const open: OpenProposal[] = [];
    const now = this.clock.now();
    for (const coop of this.coops()) {
      for (const [proposalId, status] of coop.proposalIndex()) {
        if (status.status !== 'open' || status.closes_at <= now) {
          continue;
        }
        const summary = await this.summary(coop, proposalId).catch(() => null);
        if (summary !== null && !summary.closed) {
          open.push({ roomId: coop.roomId, coopName: coop.room.name, proposalId, title: summary.title, closesAt: summary.closesAt });
        }
      }
    }
    await this.reminders.check(open);
  }

  /** A member who joined a co-op's assembly room from another device is invited to its space too: join it. */
  private async joinInvitedSpaces(): Promise<void> {
    for (const coop of this.coops()) {
      const spaceId = coop.spaceId();
      if (spaceId !== null && this.matrix.room(spaceId)?.myMembership === 'invite') {
        await this.matrix.join(spaceId).catch((error: unknown) => {
          this.logger.warn(`could not join the space of ${coop.roomId}`, error);
        });
      }
    }
  }

  /** Refetch every proposal's votes (after being offline, a sync may have skipped some). */
  refreshAll(): void {
    for (const [proposalId, material] of this.materials) {
      void material
        .then(async (loaded) => {
          const roomId = loaded.start.roomId ?? '';
          const related = await this.matrix.related(roomId, proposalId);
          for (const event of related) {
            loaded.related.set(event.eventId, event);
          }
          this.listeners.changed(roomId);
        })
        .catch(() => undefined);
    }
  }
}
