/**
 * What a member types becomes a Matrix message body: Markdown (bold, italic, code, links,
 * lists, quotes) and WhatsApp's `*bold*` `_italic_` `~strike~`, rendered to
 * `formatted_body` only when it differs from the plain text, sanitised on the way out.
 * Mentions inserted as pills become matrix.to links and go in `m.mentions`.
 */
import { Marked, type Tokens } from 'marked';
import type { MentionInput } from '../../../shared/model/conversation.ts';
import { sanitizeHtml } from './sanitize-html.ts';

export const HTML_FORMAT = 'org.matrix.custom.html';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const markdown = new Marked({ gfm: true, breaks: true });
markdown.use({
  renderer: {
    // WhatsApp's *bold* is a single asterisk, which Markdown reads as emphasis: members come from WhatsApp.
    em(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Em): string | false {
      return token.raw.startsWith('*') && !token.raw.startsWith('**') ? `<strong>${this.parser.parseInline(token.tokens)}</strong>` : false;
    },
    // HTML typed by the member is text, never markup.
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text);
    },
  },
});

/** Private-use characters mark a mention's place while Markdown runs: it never changes them. */
const placeholder = (index: number): string => `\uE000${String(index)}\uE001`;
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export const matrixToUser = (userId: string): string => `https://matrix.to/#/${encodeURIComponent(userId).replace(/%40/g, '@').replace(/%3A/g, ':')}`;

/** A single paragraph is sent without its <p>, as other clients do. */
const unwrapParagraph = (html: string): string => {
  const trimmed = html.trim();
  const inner = /^<p>([\s\S]*)<\/p>$/.exec(trimmed)?.[1];
  return inner !== undefined && !inner.includes('<p>') ? inner : trimmed;
};

/** The mentions that occur in the body (as `@Name` or `Name`), each replaced by its placeholder once. */
const markMentions = (body: string, mentions: readonly MentionInput[]): { marked: string; used: MentionInput[] } => {
  let marked = body;
  const used: MentionInput[] = [];
  // Longer names first, so "Budi Santoso" is not taken for "Budi".
  const ordered = [...mentions].sort((a, b) => b.name.length - a.name.length);
  for (const mention of ordered) {
    const index = used.length;
    for (const text of [`@${mention.name}`, mention.name]) {
      const at = marked.indexOf(text);
      if (at >= 0) {
        marked = `${marked.slice(0, at)}${placeholder(index)}${marked.slice(at + text.length)}`;
        used.push(mention);
        break;
      }
    }
  }
  return { marked, used };
};

export type FormattedText = {
  body: string;
  /** Null when the HTML would say nothing the plain text does not. */
  formattedBody: string | null;
  /** The members mentioned (their pills were found in the body). */
  userIds: string[];
};

/** Renders Markdown and WhatsApp formatting to sanitised HTML (no mentions), or null when it is plain text. */
export const renderFormatting = (text: string): string | null => {
  const html = sanitizeHtml(unwrapParagraph(markdown.parse(text, { async: false })));
  return html === escapeHtml(text).replace(/\n/g, '<br>') ? null : html;
};

export const formatMessage = (body: string, mentions: readonly MentionInput[]): FormattedText => {
  const { marked, used } = markMentions(body, mentions);
  const rendered = unwrapParagraph(markdown.parse(marked, { async: false }));
  const html = sanitizeHtml(
    rendered.replace(PLACEHOLDER, (_match, index: string) => {
      const mention = used[Number(index)];
      return mention === undefined ? '' : `<a href="${escapeHtml(matrixToUser(mention.userId))}">${escapeHtml(mention.name)}</a>`;
    }),
  );
  // The plain body keeps the names as typed (the pills' text), for clients without HTML.
  const plain = marked.replace(PLACEHOLDER, (_match, index: string) => used[Number(index)]?.name ?? '');
  const plainHtml = escapeHtml(plain).replace(/\n/g, '<br>');
  return { body: plain, formattedBody: html === plainHtml ? null : html, userIds: [...new Set(used.map((mention) => mention.userId))] };
};
