/**
 * Which URLs the window may show and which may leave for the OS. Plain functions with
 * no Electron import, so they are unit-tested (url-policy.test.ts).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'rembuk';
/** Where the renderer lives: served by app-protocol.ts from dist/renderer. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** Long enough for any real link; stops a page from handing the OS a megabyte. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** True for our own renderer's origin, `app://rembuk/…`, and nothing that merely looks like it. */
export const isAppUrl = (url: string): boolean => {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
};

/**
 * The normalised URL to hand to `shell.openExternal`, or null if it must not leave the
 * app. Only web pages and e-mail: `file:`, `smb:`, `ms-msdt:` and other OS handlers have
 * been used to run code from a click, so anything else is refused. `https://bank@evil`
 * style credentials are refused too: they exist to make a link look like another site.
 */
export const toExternalUrl = (url: string): string | null => {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) {
    return null;
  }
  const parsed = parse(url);
  if (parsed === null) {
    return null;
  }
  switch (parsed.protocol) {
    case 'http:':
    case 'https:':
      return parsed.hostname !== '' && parsed.username === '' && parsed.password === '' ? parsed.href : null;
    case 'mailto:':
      return parsed.pathname !== '' ? parsed.href : null;
    default:
      return null;
  }
};

export const isAllowedExternalUrl = (url: string): boolean => toExternalUrl(url) !== null;

/**
 * The only web permissions the renderer gets: showing notifications, writing (sanitised)
 * text to the clipboard for "copy", and the microphone alone for recording a voice note
 * (`media` with only audio asked for; the camera and screen stay off). Location, USB,
 * clipboard reading and the rest are refused, and only our own page may have these.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

export const isAllowedPermission = (permission: string, requestingUrl: string, mediaTypes: readonly string[] = []): boolean =>
  isAppUrl(requestingUrl) &&
  (ALLOWED_PERMISSIONS.has(permission) || (permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio')));

/** Scheme and host only: logs say what was blocked without keeping the rest of a link a member received. */
export const urlForLog = (url: string): string => {
  const parsed = parse(url);
  if (parsed === null) {
    return '<unparseable url>';
  }
  return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
};
