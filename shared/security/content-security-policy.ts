/**
 * The one Content-Security-Policy for the renderer, whichever transport serves it: no
 * inline script or style, nothing from elsewhere. `connect` names where the page may
 * open connections (the loopback transport needs its WebSocket).
 */
export const contentSecurityPolicy = (connect: readonly string[] = []): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
