/**
 * The one Content-Security-Policy for the renderer, whichever transport serves it: no
 * inline script or style, nothing from elsewhere. `connect` names where the page may
 * open connections (the loopback transport needs its WebSocket). Attachments come decrypted
 * from main: from our own origin (`/media/…` on the loopback transport) or Electron's
 * `rembuk-media:` scheme, never from a homeserver.
 */
/** Electron's scheme for attachments served by main (main/electron/windows/media-protocol.ts). */
export const MEDIA_SCHEME = 'rembuk-media';

export const contentSecurityPolicy = (connect: readonly string[] = []): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${MEDIA_SCHEME}:`,
    `media-src 'self' blob: ${MEDIA_SCHEME}:`,
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
