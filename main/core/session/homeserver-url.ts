import { RembukError } from '../../../shared/ipc/errors.ts';

/**
 * Turns what a member typed ("matrix.example.org", "https://hs.example.org/")
 * into a base URL. No scheme means https, except for loopback, which is how local
 * test servers run.
 */
export const normaliseHomeserverUrl = (typed: string): { url: string; typedScheme: boolean } => {
  const trimmed = typed.trim();
  const typedScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  const isLoopback = /^(localhost|127\.|\[::1\])/i.test(trimmed);
  const withScheme = typedScheme ? trimmed : `${isLoopback ? 'http' : 'https'}://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new RembukError('invalid_homeserver_url');
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new RembukError('invalid_homeserver_url');
  }
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return { url: `${parsed.origin}${pathname}`, typedScheme };
};

/** "alice", "@alice:example.org" → the identifier the login API wants. */
export const loginIdentifier = (username: string): { type: 'm.id.user'; user: string } => ({
  type: 'm.id.user',
  user: username.trim(),
});
