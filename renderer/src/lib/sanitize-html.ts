import DOMPurify from 'dompurify';

/** The formatting tags of the Matrix spec that we render; everything else is dropped. */
const ALLOWED_TAGS = [
  'b',
  'i',
  'u',
  's',
  'em',
  'strong',
  'code',
  'pre',
  'blockquote',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'del',
  'sup',
  'sub',
  'span',
];
const SAFE_HREF = /^(?:https?|mailto):/i;

// A private instance, so our hooks never leak into other DOMPurify users.
const purifier = DOMPurify(window);

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') {
    node.removeAttribute('href');
    return;
  }
  const href = node.getAttribute('href');
  if (href === null || !SAFE_HREF.test(href.trim())) {
    node.removeAttribute('href');
    return;
  }
  // Links leave the app: never give the opened page a handle on our window.
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', 'noopener noreferrer');
});

/**
 * Makes a message's `formatted_body` safe to put into the page. Only the spec's formatting
 * tags survive, the only attribute kept is a link's http(s)/mailto `href` (with our own
 * `target` and `rel`), and the text
 * of anything removed stays (except inside script, style and the like, and a reply's
 * quoted fallback, which the spec says to strip).
 */
export const sanitizeHtml = (html: string): string =>
  purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOWED_URI_REGEXP: SAFE_HREF,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ADD_FORBID_CONTENTS: ['mx-reply'],
  });
