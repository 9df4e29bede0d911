/**
 * Links to Matrix rooms and users (`https://matrix.to/#/…` and the `matrix:` URI scheme),
 * which Rembuk opens itself instead of handing to the browser.
 */
export type MatrixLink = { kind: 'room'; target: string; eventId: string | null } | { kind: 'user'; userId: string };

const ROOM_ID = /^[!#][^:\s]+:[^\s]+$/u;
const USER_ID = /^@[^:\s]+:[^\s]+$/u;

const fromIdentifier = (identifier: string, eventId: string | null): MatrixLink | null => {
  if (USER_ID.test(identifier)) {
    return { kind: 'user', userId: identifier };
  }
  if (ROOM_ID.test(identifier)) {
    return { kind: 'room', target: identifier, eventId };
  }
  return null;
};

const decode = (part: string): string | null => {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
};

/** `https://matrix.to/#/#room:server`, `…/#/!id:server/$event`, `…/#/@user:server` (query ignored). */
const parseMatrixTo = (url: URL): MatrixLink | null => {
  const path = url.hash.replace(/^#\/?/u, '').split('?')[0] ?? '';
  const [first, second] = path.split('/').map(decode);
  if (first === undefined || first === null) {
    return null;
  }
  const eventId = second !== undefined && second !== null && second.startsWith('$') ? second : null;
  return fromIdentifier(first, eventId);
};

/** `matrix:r/room:server`, `matrix:roomid/id:server/e/event`, `matrix:u/user:server` (MSC2312). */
const parseMatrixUri = (url: URL): MatrixLink | null => {
  const parts = url.pathname.split('/').map(decode);
  const [kind, id, eventKind, event] = parts;
  if (id === undefined || id === null) {
    return null;
  }
  const eventId = eventKind === 'e' && event !== undefined && event !== null ? `$${event}` : null;
  switch (kind) {
    case 'r':
      return fromIdentifier(`#${id}`, eventId);
    case 'roomid':
      return fromIdentifier(`!${id}`, eventId);
    case 'u':
      return fromIdentifier(`@${id}`, null);
    default:
      return null;
  }
};

export const parseMatrixLink = (href: string): MatrixLink | null => {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'matrix:') {
    return parseMatrixUri(url);
  }
  if (url.protocol === 'https:' && url.hostname === 'matrix.to') {
    return parseMatrixTo(url);
  }
  return null;
};
