/**
 * The allow-list every `formatted_body` Rembuk sends goes through: the tags and attributes
 * the Matrix spec suggests for `org.matrix.custom.html`, links only to safe schemes, and
 * script-like elements removed with their content. The renderer sanitises again (DOMPurify)
 * on the way in; this side keeps a member from ever sending something hostile to other clients.
 */

const ALLOWED_TAGS = new Set([
  'font',
  'del',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'p',
  'a',
  'ul',
  'ol',
  'sup',
  'sub',
  'li',
  'b',
  'i',
  'u',
  'strong',
  'em',
  's',
  'strike',
  'code',
  'hr',
  'br',
  'div',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  'pre',
  'span',
  'details',
  'summary',
  'mx-reply',
]);

/** Removed together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'template',
  'title',
  'svg',
  'math',
  'frameset',
  'frame',
  'applet',
]);

const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  font: ['color', 'data-mx-bg-color', 'data-mx-color'],
  span: ['data-mx-bg-color', 'data-mx-color', 'data-mx-spoiler'],
  code: ['class'],
  ol: ['start'],
};

const SAFE_LINK = /^(https?:|mailto:|matrix:|ftp:|magnet:)/i;

const VOID_TAGS = new Set(['br', 'hr']);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|[<>]|[^<>]+/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const escapeAttribute = (value: string): string =>
  value
    .replace(/&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Entities are decoded enough to see through `&#106;avascript:`-style tricks before the scheme check. */
const decodeForCheck = (value: string): string =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_match, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_match, dec: string) => String.fromCodePoint(Number(dec)))
    .split('')
    .filter((char) => char.charCodeAt(0) > 0x20)
    .join('');

const attributeAllowed = (tag: string, name: string, value: string): boolean => {
  if (!(ALLOWED_ATTRIBUTES[tag] ?? []).includes(name)) {
    return false;
  }
  if (tag === 'a' && name === 'href') {
    return SAFE_LINK.test(decodeForCheck(value));
  }
  if (tag === 'code' && name === 'class') {
    return /^language-[a-z0-9_+-]+$/i.test(value);
  }
  if (name === 'color' || name === 'data-mx-color' || name === 'data-mx-bg-color') {
    return /^#[0-9a-f]{6}$/i.test(value);
  }
  if (name === 'start') {
    return /^\d{1,6}$/.test(value);
  }
  return true;
};

const rebuildTag = (tag: string, attributes: string): string => {
  const kept: string[] = [];
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (attributeAllowed(tag, name, value)) {
      kept.push(` ${name}="${escapeAttribute(value)}"`);
    }
  }
  return `<${tag}${kept.join('')}>`;
};

/** The HTML with only allowed tags and attributes; text outside tags is kept, stray `<`/`>` escaped. */
export const sanitizeHtml = (html: string): string => {
  let out = '';
  /** Inside a dropped element: the tag and how deep. */
  let dropping: { tag: string; depth: number } | null = null;
  for (const match of html.matchAll(TOKEN)) {
    const token = match[0];
    const tag = match[1]?.toLowerCase();
    const closing = token.startsWith('</');
    if (dropping !== null) {
      if (tag === dropping.tag) {
        dropping.depth += closing ? -1 : 1;
        if (dropping.depth === 0) {
          dropping = null;
        }
      }
      continue;
    }
    if (token.startsWith('<!--')) {
      continue;
    }
    if (tag === undefined) {
      out += token === '<' ? '&lt;' : token === '>' ? '&gt;' : token;
      continue;
    }
    if (DROPPED_WITH_CONTENT.has(tag)) {
      if (!closing && !token.endsWith('/>')) {
        dropping = { tag, depth: 1 };
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(tag)) {
      continue;
    }
    if (closing) {
      out += VOID_TAGS.has(tag) ? '' : `</${tag}>`;
    } else {
      out += rebuildTag(tag, match[2] ?? '');
    }
  }
  return out;
};
