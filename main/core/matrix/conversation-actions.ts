/**
 * What a member does in a conversation besides sending plain text: reply, write in a thread,
 * mention, edit, delete, react, vote in a poll, type, preview a link. Every event goes out
 * through the MessageSender's outbox (encrypted by the SDK in encrypted rooms, kept across
 * a crash); deletes go straight to the server and fail with a clear error when offline.
 */
import { EventType, KnownMembership, RelationType, type MatrixClient, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { LinkPreview, MentionCandidate, MentionInput, MessageVersion } from '../../../shared/model/conversation.ts';
import { mentionCandidates } from '../format/mentions.ts';
import { HTML_FORMAT } from '../format/message-format.ts';
import { parsePollStart, POLL_RESPONSE, responseContent, STABLE_POLL_RESPONSE, STABLE_POLL_START } from '../governance/protocol.ts';
import type { Logger } from '../ports.ts';
import { initialsOf } from './initials.ts';
import type { MatrixAccount } from './matrix-account.ts';
import { toRembukError } from './matrix-errors.ts';
import { editContent, inThread, reactionContent, textContent, withReply, type QuotedOriginal } from './message-content.ts';
import type { MessageSender } from './message-sender.ts';
import { toRelEvent } from './relations/from-sdk.ts';
import { RelationIndex } from './relations/relation-index.ts';
import { asRecord } from './relations/rel-event.ts';
import { stripReplyFallbackBody } from './relations/reply-fallback.ts';
import { linkPreviewsOn, mayMentionRoom, mayRedactOthers, PREVIEW_URLS } from './room-permissions.ts';
import { TypingThrottle } from './typing-throttle.ts';

export type SendInput = {
  roomId: string;
  body: string;
  replyTo?: string | undefined;
  threadRoot?: string | undefined;
  mentions: readonly MentionInput[];
  mentionRoom: boolean;
};

export class ConversationActions {
  private readonly account: MatrixAccount;
  private readonly client: MatrixClient;
  private readonly sender: MessageSender;
  private readonly logger: Logger;
  private readonly typingThrottle: TypingThrottle;

  constructor(options: { account: MatrixAccount; client: MatrixClient; sender: MessageSender; logger: Logger }) {
    this.account = options.account;
    this.client = options.client;
    this.sender = options.sender;
    this.logger = options.logger;
    this.typingThrottle = new TypingThrottle((roomId, typing, timeoutMs) => {
      this.client.sendTyping(roomId, typing, timeoutMs).catch((error: unknown) => {
        this.logger.warn('typing notice not sent', error instanceof Error ? error.message : error);
      });
    });
  }

  private get me(): string {
    return this.account.userId;
  }

  private joinedRoom(roomId: string): Room {
    const room = this.account.room(roomId);
    if (room === null || room.getMyMembership() !== KnownMembership.Join) {
      throw new RembukError('room_not_found');
    }
    return room;
  }

  /** What the client holds of the room now: the live timeline and our events on their way. */
  private liveIndex(room: Room): RelationIndex {
    return new RelationIndex([...room.getLiveTimeline().getEvents(), ...room.getPendingEvents()].map(toRelEvent));
  }

  /** The event from the client's timeline, or fetched (and decrypted) from the server; null when not in this room. */
  private async findEvent(room: Room, eventId: string): Promise<MatrixEvent | null> {
    const known = room.findEventById(eventId);
    if (known !== undefined) {
      return known;
    }
    try {
      const raw = await this.client.fetchRoomEvent(room.roomId, eventId);
      const event = this.client.getEventMapper()({ ...raw, room_id: raw.room_id ?? room.roomId });
      await this.client.decryptEventIfNeeded(event);
      return event.getRoomId() === room.roomId ? event : null;
    } catch {
      return null;
    }
  }

  private async requireEvent(room: Room, eventId: string): Promise<MatrixEvent> {
    const event = await this.findEvent(room, eventId);
    if (event === null) {
      throw new RembukError('message_not_found');
    }
    return event;
  }

  async send(input: SendInput): Promise<string> {
    const room = this.joinedRoom(input.roomId);
    if (input.mentionRoom && !mayMentionRoom(room, this.me)) {
      throw new RembukError('forbidden', '@room needs the power level to notify the whole room');
    }
    this.typingThrottle.stop(input.roomId);
    let content = textContent(input.body, input.mentions, input.mentionRoom);
    if (input.threadRoot !== undefined) {
      await this.requireEvent(room, input.threadRoot);
      content = inThread(content, input.threadRoot, this.liveIndex(room).threadLatest(input.threadRoot));
    }
    if (input.replyTo !== undefined) {
      const original = await this.requireEvent(room, input.replyTo);
      content = withReply(content, this.quoted(original, room), this.me);
      if (input.threadRoot !== undefined) {
        // A real reply inside the thread: the quote is meant, not a fallback.
        content = { ...content, 'm.relates_to': { ...content['m.relates_to'], is_falling_back: false } };
      }
    }
    return this.sender.sendContent(input.roomId, EventType.RoomMessage, content);
  }

  private quoted(original: MatrixEvent, room: Room): QuotedOriginal {
    const content = asRecord(original.getContent());
    return {
      eventId: original.getId() ?? '',
      roomId: room.roomId,
      sender: original.getSender() ?? '',
      body: typeof content.body === 'string' ? content.body : '',
      html: content.format === HTML_FORMAT && typeof content.formatted_body === 'string' ? content.formatted_body : null,
    };
  }

  /** Replaces the text of the member's own message; an edit of an edit edits the original. */
  async edit(input: { roomId: string; eventId: string; body: string; mentions: readonly MentionInput[] }): Promise<void> {
    const room = this.joinedRoom(input.roomId);
    let original = await this.requireEvent(room, input.eventId);
    const target = original.isRelation(RelationType.Replace) ? original.getRelation()?.event_id : undefined;
    if (target !== undefined) {
      original = await this.requireEvent(room, target);
    }
    if (original.getSender() !== this.me) {
      throw new RembukError('forbidden', 'only the sender may edit a message');
    }
    const msgtype = asRecord(original.getOriginalContent()).msgtype;
    if (original.isRedacted() || original.getType() !== EventType.RoomMessage || (msgtype !== 'm.text' && msgtype !== 'm.emote' && msgtype !== 'm.notice')) {
      throw new RembukError('invalid_request', 'only a text message can be edited');
    }
    const mentioned = asRecord(asRecord(original.getOriginalContent())['m.mentions']).user_ids;
    const already = Array.isArray(mentioned) ? mentioned.filter((id): id is string => typeof id === 'string') : [];
    this.typingThrottle.stop(input.roomId);
    await this.sender.sendContent(
      input.roomId,
      EventType.RoomMessage,
      editContent(original.getId() ?? input.eventId, textContent(input.body, input.mentions, false), already),
    );
  }

  /** Deletes a message: the member's own, or anyone's with the redact power level. */
  async redact(input: { roomId: string; eventId: string; reason?: string | undefined }): Promise<void> {
    const room = this.joinedRoom(input.roomId);
    const event = await this.requireEvent(room, input.eventId);
    if (event.getSender() !== this.me && !mayRedactOthers(room, this.me)) {
      throw new RembukError('forbidden', 'deleting others’ messages needs the power level');
    }
    try {
      await this.client.redactEvent(input.roomId, input.eventId, undefined, input.reason === undefined ? undefined : { reason: input.reason });
    } catch (error) {
      throw toRembukError(error, 'message_not_found');
    }
  }

  /** Toggles the member's reaction with `key`: taken back when they already reacted so, sent otherwise. */
  async react(input: { roomId: string; eventId: string; key: string }): Promise<boolean> {
    const room = this.joinedRoom(input.roomId);
    const mine = this.liveIndex(room).myReaction(input.eventId, input.key, this.me)?.id ?? (await this.serverReaction(room, input.eventId, input.key));
    if (mine !== null) {
      if (!mine.startsWith('$')) {
        throw new RembukError('not_ready', 'the reaction is still on its way');
      }
      try {
        await this.client.redactEvent(input.roomId, mine);
      } catch (error) {
        throw toRembukError(error, 'message_not_found');
      }
      return false;
    }
    if (room.findEventById(input.eventId) === undefined) {
      await this.requireEvent(room, input.eventId);
    }
    await this.sender.sendContent(input.roomId, EventType.Reaction, reactionContent(input.eventId, input.key));
    return true;
  }

  /** For a message outside the live timeline: the member's reaction as the server aggregates it. */
  private async serverReaction(room: Room, eventId: string, key: string): Promise<string | null> {
    if (room.findEventById(eventId) !== undefined) {
      return null;
    }
    try {
      const { events } = await this.client.relations(room.roomId, eventId, RelationType.Annotation, EventType.Reaction);
      return new RelationIndex(events.map(toRelEvent)).myReaction(eventId, key, this.me)?.id ?? null;
    } catch (error) {
      throw toRembukError(error, 'message_not_found');
    }
  }

  /** The original and each valid edit (its sender's, oldest first), as the server holds them. */
  async versions(input: { roomId: string; eventId: string }): Promise<MessageVersion[]> {
    const room = this.joinedRoom(input.roomId);
    let result: Awaited<ReturnType<MatrixClient['relations']>>;
    try {
      result = await this.client.relations(room.roomId, input.eventId, RelationType.Replace, EventType.RoomMessage);
    } catch (error) {
      throw toRembukError(error, 'message_not_found');
    }
    const original = result.originalEvent;
    if (original === null || original === undefined || original.isRedacted()) {
      throw new RembukError('message_not_found');
    }
    const rel = toRelEvent(original);
    const local = [...room.getLiveTimeline().getEvents(), ...room.getPendingEvents()].map(toRelEvent);
    const index = new RelationIndex([...local, ...result.events.map(toRelEvent), rel]);
    const bodyOf = (content: unknown): string => {
      const body = asRecord(content).body;
      return typeof body === 'string' ? body : '';
    };
    const originalBody = rel.inReplyTo === null ? bodyOf(rel.content) : stripReplyFallbackBody(bodyOf(rel.content));
    return [{ body: originalBody, ts: rel.ts }, ...index.edits(rel).map((edit) => ({ body: bodyOf(edit.content['m.new_content']), ts: edit.ts }))];
  }

  typing(roomId: string, typing: boolean): void {
    this.joinedRoom(roomId);
    this.typingThrottle.typing(roomId, typing);
  }

  async mentionCandidates(roomId: string, query: string): Promise<MentionCandidate[]> {
    const room = this.joinedRoom(roomId);
    try {
      await room.loadMembersIfNeeded();
    } catch (error) {
      // The members the sync brought are still offered.
      this.logger.warn('members not loaded for mentions', error instanceof Error ? error.message : error);
    }
    const members = room
      .getJoinedMembers()
      .filter((member) => member.userId !== this.me)
      .map((member) => ({ userId: member.userId, name: member.name, initials: initialsOf(member.name) }));
    return mentionCandidates(members, query);
  }

  /** A vote in an informal poll, in the poll's own namespace; an empty list takes it back. */
  async vote(input: { roomId: string; pollId: string; answers: readonly string[] }): Promise<void> {
    const room = this.joinedRoom(input.roomId);
    const start = await this.requireEvent(room, input.pollId);
    const poll = parsePollStart(start.getType(), start.getContent());
    if (poll === null) {
      throw new RembukError('message_not_found', 'not a poll');
    }
    const ids = new Set(poll.answers.map((answer) => answer.id));
    if (input.answers.length > poll.maxSelections || !input.answers.every((id) => ids.has(id))) {
      throw new RembukError('invalid_request', 'not answers of this poll');
    }
    if (start.getType() === STABLE_POLL_START) {
      await this.sender.sendContent(input.roomId, STABLE_POLL_RESPONSE, {
        'm.relates_to': { rel_type: 'm.reference', event_id: input.pollId },
        'm.selections': [...input.answers],
      });
      return;
    }
    await this.sender.sendContent(input.roomId, POLL_RESPONSE, responseContent(input.pollId, input.answers));
  }

  /** The homeserver's preview of a URL; null where previews are off for the room, or the server has none. */
  async linkPreview(roomId: string, url: string): Promise<LinkPreview | null> {
    const room = this.joinedRoom(roomId);
    if (!linkPreviewsOn(room)) {
      return null;
    }
    try {
      // One preview per URL and hour: the server caches by timestamp.
      const preview = await this.client.getUrlPreview(url, Math.floor(Date.now() / 3_600_000) * 3_600_000);
      const text = (key: string): string | null => {
        const value = preview[key];
        return typeof value === 'string' && value.trim() !== '' ? value : null;
      };
      return { url, title: text('og:title'), description: text('og:description'), siteName: text('og:site_name') };
    } catch (error) {
      this.logger.warn('no link preview', error instanceof Error ? error.message : error);
      return null;
    }
  }

  async setLinkPreviews(roomId: string, enabled: boolean): Promise<void> {
    this.joinedRoom(roomId);
    try {
      await this.client.setRoomAccountData(roomId, PREVIEW_URLS, { disable: !enabled });
    } catch (error) {
      throw toRembukError(error, 'room_not_found');
    }
  }

  stop(): void {
    this.typingThrottle.dispose();
  }
}
