/** A piece of a message's plain text: text as is, or a link found in it. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) and matrix: links written out in plain text; <, > and quotes end them as in most clients.
const URL_IN_TEXT = /\b(?:https?:\/\/|matrix:)[^\s<>"']+/giu;
// Punctuation that closes a sentence rather than the link ("lihat https://x.org/a." ).
const TRAILING = /[.,;:!?)\]}]+$/u;
/** Longer links are left as text: nobody writes them, and hostile ones should not reach an href. */
const MAX_LINK = 2000;

/** Splits plain text into text and links, for a body that came without HTML. */
export const linkSegments = (text: string): TextSegment[] => {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index;
    if (href.length === 0 || href.length > MAX_LINK || !isSafeHref(href)) {
      continue;
    }
    if (start > last) {
      segments.push({ kind: 'text', text: text.slice(last, start) });
    }
    segments.push({ kind: 'link', text: href, href });
    last = start + href.length;
  }
  if (last < text.length) {
    segments.push({ kind: 'text', text: text.slice(last) });
  }
  return segments;
};

/** The first web link of a text, for its preview. */
export const firstWebLink = (text: string): string | null =>
  linkSegments(text).find((segment): segment is Extract<TextSegment, { kind: 'link' }> => segment.kind === 'link' && /^https?:/iu.test(segment.href))?.href ??
  null;

const isSafeHref = (href: string): boolean => {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'matrix:';
  } catch {
    return false;
  }
};
