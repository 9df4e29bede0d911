/**
 * The Matrix content of what a member writes: a text message (Markdown rendered, mentions
 * in `m.mentions`), a reply with the fallback other clients expect, a message in a thread,
 * an edit, a reaction and a poll vote. Pure, so every shape the spec asks for is tested.
 */
import type { MentionInput } from '../../../shared/model/conversation.ts';
import { escapeHtml, formatMessage, HTML_FORMAT, matrixToUser } from '../format/message-format.ts';
import { stripReplyFallbackBody, stripReplyFallbackHtml } from './relations/reply-fallback.ts';

export type TextContent = {
  msgtype: 'm.text';
  body: string;
  format?: typeof HTML_FORMAT;
  formatted_body?: string;
  'm.mentions': { user_ids?: string[]; room?: boolean };
  'm.relates_to'?: Record<string, unknown>;
};

/** The original a reply quotes, as its own sender wrote it (latest edit applied). */
export type QuotedOriginal = { eventId: string; roomId: string; sender: string; body: string; html: string | null };

export const textContent = (body: string, mentions: readonly MentionInput[], mentionRoom: boolean): TextContent => {
  const formatted = formatMessage(body, mentions);
  const userIds = formatted.userIds;
  return {
    msgtype: 'm.text',
    body: formatted.body,
    ...(formatted.formattedBody === null ? {} : { format: HTML_FORMAT, formatted_body: formatted.formattedBody }),
    'm.mentions': { ...(userIds.length > 0 ? { user_ids: userIds } : {}), ...(mentionRoom ? { room: true } : {}) },
  };
};

const htmlOf = (content: TextContent): string => content.formatted_body ?? escapeHtml(content.body).replace(/\n/g, '<br>');

/**
 * A reply: `m.in_reply_to`, the original's sender mentioned, and the fallback of the spec
 * (`> <@sender> line` quote lines, a blank line, then the reply; `<mx-reply>` before the HTML).
 * An original that was itself a reply is quoted without its own fallback.
 */
export const withReply = (content: TextContent, original: QuotedOriginal, myUserId: string): TextContent => {
  const originalBody = stripReplyFallbackBody(original.body);
  const originalHtml = original.html === null ? escapeHtml(originalBody).replace(/\n/g, '<br>') : stripReplyFallbackHtml(original.html);
  const quoted = originalBody
    .split('\n')
    .map((line, index) => (index === 0 ? `> <${original.sender}> ${line}` : `> ${line}`))
    .join('\n');
  const link = `https://matrix.to/#/${encodeURIComponent(original.roomId)}/${encodeURIComponent(original.eventId)}`;
  const fallbackHtml =
    `<mx-reply><blockquote><a href="${escapeHtml(link)}">In reply to</a> ` +
    `<a href="${escapeHtml(matrixToUser(original.sender))}">${escapeHtml(original.sender)}</a><br>${originalHtml}</blockquote></mx-reply>`;
  const userIds = new Set(content['m.mentions'].user_ids ?? []);
  if (original.sender !== myUserId) {
    userIds.add(original.sender);
  }
  return {
    ...content,
    body: `${quoted}\n\n${content.body}`,
    format: HTML_FORMAT,
    formatted_body: `${fallbackHtml}${htmlOf(content)}`,
    'm.mentions': { ...content['m.mentions'], ...(userIds.size > 0 ? { user_ids: [...userIds] } : {}) },
    'm.relates_to': { ...content['m.relates_to'], 'm.in_reply_to': { event_id: original.eventId } },
  };
};

/**
 * A message in a thread (MSC3440): `m.thread` to the root, and for clients without threads
 * a reply to the thread's latest message, marked `is_falling_back`.
 */
export const inThread = (content: TextContent, rootId: string, latestInThread: string): TextContent => ({
  ...content,
  'm.relates_to': { rel_type: 'm.thread', event_id: rootId, is_falling_back: true, 'm.in_reply_to': { event_id: latestInThread } },
});

export type EditContent = {
  msgtype: 'm.text';
  body: string;
  format?: typeof HTML_FORMAT;
  formatted_body?: string;
  'm.new_content': TextContent;
  'm.relates_to': { rel_type: 'm.replace'; event_id: string };
  'm.mentions': { user_ids?: string[] };
};

/**
 * An edit (`m.replace`): the new text in `m.new_content`, and for clients without edits the
 * same text after `* `. Only members newly mentioned are in the outer `m.mentions`, so an edit
 * does not notify again those the original already did.
 */
export const editContent = (originalId: string, replacement: TextContent, alreadyMentioned: readonly string[]): EditContent => {
  const fresh = (replacement['m.mentions'].user_ids ?? []).filter((userId) => !alreadyMentioned.includes(userId));
  // The new content carries no relation: the edit's own m.relates_to says what it replaces.
  const newContent: TextContent = {
    msgtype: replacement.msgtype,
    body: replacement.body,
    ...(replacement.formatted_body === undefined ? {} : { format: HTML_FORMAT, formatted_body: replacement.formatted_body }),
    'm.mentions': replacement['m.mentions'],
  };
  return {
    msgtype: 'm.text',
    body: `* ${replacement.body}`,
    ...(replacement.formatted_body === undefined ? {} : { format: HTML_FORMAT, formatted_body: `* ${replacement.formatted_body}` }),
    'm.new_content': newContent,
    'm.relates_to': { rel_type: 'm.replace', event_id: originalId },
    'm.mentions': fresh.length > 0 ? { user_ids: fresh } : {},
  };
};

export type ReactionContent = { 'm.relates_to': { rel_type: 'm.annotation'; event_id: string; key: string } };

export const reactionContent = (eventId: string, key: string): ReactionContent => ({
  'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key },
});
