/**
 * Replies carry a quote of the original for clients that do not understand `m.in_reply_to`
 * (the "fallback"): `> <@sender> text` lines and a blank line before the body, and an
 * `<mx-reply>` block before the HTML. Rembuk shows its own quote, so both are stripped.
 */

/** The body without the leading `> ` quote lines and the blank line after them. */
export const stripReplyFallbackBody = (body: string): string => {
  const lines = body.split('\n');
  let index = 0;
  while (index < lines.length && (lines[index]?.startsWith('> ') === true || lines[index] === '>')) {
    index++;
  }
  if (index === 0) {
    return body;
  }
  if (lines[index] === '') {
    index++;
  }
  return lines.slice(index).join('\n');
};

/** The HTML without its `<mx-reply>…</mx-reply>` block (wherever a sender put it). */
export const stripReplyFallbackHtml = (html: string): string => html.replace(/<mx-reply>[\s\S]*?<\/mx-reply>/gi, '');

/** How long the quote above a reply (and a thread's latest reply) may be. */
export const EXCERPT_LENGTH = 120;

/** One line of the text, cut to the excerpt length. */
export const excerptOf = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= EXCERPT_LENGTH
    ? line
    : `${Array.from(line)
        .slice(0, EXCERPT_LENGTH - 1)
        .join('')}…`;
};
