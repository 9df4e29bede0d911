/**
 * What a conversation adds to a timeline item beyond its own event: the quote it replies
 * to, its reactions, its latest edit, its thread, whether it mentions this member, and what
 * this member may do to it. Pure over plain events (`RelEvent`) and a `RelationIndex`.
 */
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import type { PollView, ReplyQuote } from '../../../../shared/model/conversation.ts';
import { mentionsMe } from '../../format/mentions.ts';
import { htmlToText } from '../../format/html-text.ts';
import { HTML_FORMAT, renderFormatting } from '../../format/message-format.ts';
import { parsePollEnd, parsePollResponse, parsePollStart, POLL_END, POLL_RESPONSE, STABLE_POLL_END, STABLE_POLL_RESPONSE } from '../../governance/protocol.ts';
import { pollView } from './poll-view.ts';
import { RelationIndex, THREAD } from './relation-index.ts';
import type { RelEvent } from './rel-event.ts';
import { excerptOf, stripReplyFallbackBody, stripReplyFallbackHtml } from './reply-fallback.ts';

export type ConversationContext = {
  index: RelationIndex;
  roomId: string;
  myUserId: string;
  myName: string | null;
  canRedactOthers: boolean;
  nameOf: (userId: string) => string;
};

const TEXT_MSGTYPES = new Set(['m.text', 'm.emote', 'm.notice']);

/**
 * Event types that never have a line, whatever their content: a redaction strips the relation
 * (and the vote) from them, so a taken-back reaction or vote would otherwise come back as a
 * "message deleted" line. matrix-js-sdk sends reactions unencrypted (their relation is in the
 * clear anyway), so their type survives the redaction.
 */
const LINELESS_TYPES = new Set(['m.reaction', POLL_RESPONSE, STABLE_POLL_RESPONSE, POLL_END, STABLE_POLL_END]);

/** Whether the event has no line of its own in a timeline: an edit, a reaction, a poll's vote or end. */
export const isHiddenRelation = (event: RelEvent): boolean =>
  LINELESS_TYPES.has(event.type) ||
  RelationIndex.isAnnotationOrEdit(event) ||
  parsePollResponse(event.type, event.content) !== null ||
  parsePollEnd(event.type, event.content) !== null;

/** Which lines a window shows: the main timeline leaves thread replies to the thread's panel. */
export const inTimeline = (event: RelEvent, threadRootId: string | null): boolean => {
  if (isHiddenRelation(event)) {
    return false;
  }
  if (threadRootId === null) {
    return !RelationIndex.isThreadReply(event);
  }
  return event.id === threadRootId || (event.relation?.relType === THREAD && event.relation.eventId === threadRootId);
};

const textOf = (content: Record<string, unknown>): string => (typeof content.body === 'string' ? content.body : '');

/**
 * The words an event shows now (its latest valid edit), without a reply fallback: from its
 * HTML when it has some, so a quote reads "balai desa" where the body has "**balai desa**".
 */
const currentText = (event: RelEvent, index: RelationIndex): string => {
  const content = index.latestContent(event).content;
  if (content.format === HTML_FORMAT && typeof content.formatted_body === 'string') {
    return htmlToText(content.formatted_body);
  }
  const text = textOf(content);
  return event.inReplyTo === null ? text : stripReplyFallbackBody(text);
};

/** The quote above a reply; the original is trusted only when it is an event of this same room. */
export const replyQuoteOf = (event: RelEvent, context: ConversationContext): ReplyQuote | null => {
  if (event.inReplyTo === null || (event.relation?.relType === THREAD && event.relation.isFallingBack)) {
    return null;
  }
  const original = context.index.get(event.inReplyTo);
  if (original?.roomId !== context.roomId) {
    return { eventId: event.inReplyTo, senderName: null, excerpt: null, deleted: false };
  }
  return {
    eventId: original.id,
    senderName: context.nameOf(original.sender),
    excerpt: original.redacted ? null : excerptOf(currentText(original, context.index)),
    deleted: original.redacted,
  };
};

/** An informal MSC3381 poll of any client as a poll item; null for what is not one (or is a co-op proposal, shown as before). */
export const pollItemOf = (event: RelEvent, base: Omit<TimelineItem, 'kind'>, context: ConversationContext): Extract<TimelineItem, { kind: 'poll' }> | null => {
  const start = parsePollStart(event.type, event.content);
  if (start === null || start.block !== null || event.redacted) {
    return null;
  }
  const poll: PollView = pollView({ start, startSender: event.sender, references: context.index.references(event.id), myUserId: context.myUserId });
  return { ...base, kind: 'poll', pollId: event.id, poll };
};

/** The item with what its relations say: quote, latest edit, reactions, thread, mention and permissions. */
export const withConversation = (item: TimelineItem, event: RelEvent, context: ConversationContext): TimelineItem => {
  if (item.kind === 'redacted') {
    return item;
  }
  const { index } = context;
  let shown: TimelineItem = item;
  const replyTo = replyQuoteOf(event, context);
  if (replyTo !== null) {
    shown = { ...shown, replyTo };
  }
  const latest = index.latestContent(event);
  if (shown.kind === 'message') {
    const content = latest.content;
    const rawBody = textOf(content);
    const rawHtml = content.format === HTML_FORMAT && typeof content.formatted_body === 'string' ? content.formatted_body : null;
    const body = event.inReplyTo === null ? rawBody : stripReplyFallbackBody(rawBody);
    const html = rawHtml === null || event.inReplyTo === null ? rawHtml : stripReplyFallbackHtml(rawHtml);
    const msgtype = content.msgtype === 'm.notice' ? 'notice' : content.msgtype === 'm.emote' ? 'emote' : shown.msgtype;
    shown = { ...shown, body, html, msgtype, edited: shown.edited || latest.edited };
  }
  const reactions = index.reactions(event.id, context.myUserId, context.nameOf);
  if (reactions.length > 0) {
    shown = { ...shown, reactions };
  }
  const thread = index.thread(event.id);
  if (thread !== null) {
    const latestReply = thread.latest;
    shown = {
      ...shown,
      thread: {
        count: thread.count,
        latestSenderName: latestReply === null ? null : context.nameOf(latestReply.sender),
        latestExcerpt: latestReply === null ? null : excerptOf(currentText(latestReply, index)),
      },
    };
  }
  const own = event.sender === context.myUserId;
  if (!own && (shown.kind === 'message' || shown.kind === 'media' || shown.kind === 'poll')) {
    shown = { ...shown, mentionsMe: mentionsMe(latest.content, { userId: context.myUserId, displayName: context.myName }) };
  }
  const sent = item.eventId !== null;
  const editable = own && sent && shown.kind === 'message' && TEXT_MSGTYPES.has(String(event.content.msgtype));
  return { ...shown, canEdit: editable, canRedact: sent && (own || context.canRedactOthers) };
};

/** An imported message as Rembuk shows it: WhatsApp's *bold* _italic_ ~strike~ rendered, and never editable (its author is not here). */
export const withImportedFormatting = (item: TimelineItem): TimelineItem => {
  if (item.imported === undefined) {
    return item;
  }
  return item.kind === 'message' && item.html === null ? { ...item, html: renderFormatting(item.body), canEdit: false } : { ...item, canEdit: false };
};
