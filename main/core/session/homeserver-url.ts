import { RembukError } from '../../../shared/ipc/errors.ts';

/**
 * Turns what a member typed ("matrix.example.org", "https://hs.example.org/")
 * into a base URL. No scheme means https, except for loopback, which is how local
 * test servers run.
 */
export const normaliseHomeserverUrl = (typed: string): { url: string; typedScheme: boolean } => {
  const trimmed = typed.trim();
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let parsed: URL;
  try {
    parsed = new URL(typedScheme ? trimmed : `https://${trimmed}`);
    // Only a real loopback address goes without TLS by default: "localhost.example.org" is not one.
    if (!typedScheme && isLoopbackHost(parsed.hostname)) {
      parsed = new URL(`http://${trimmed}`);
    }
  } catch {
    throw new RembukError('invalid_homeserver_url');
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new RembukError('invalid_homeserver_url');
  }
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return { url: `${parsed.origin}${pathname}`, typedScheme };
};

/** The address is this machine: localhost, 127.0.0.0/8 or ::1. */
export const isLoopbackHost = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/** "alice", "@alice:example.org" → the identifier the login API wants. */
export const loginIdentifier = (username: string): { type: 'm.id.user'; user: string } => ({
  type: 'm.id.user',
  user: username.trim(),
});
