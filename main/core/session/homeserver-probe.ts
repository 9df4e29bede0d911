import { RembukError } from '../../../shared/ipc/errors.ts';
import { isLoopbackHost, normaliseHomeserverUrl } from './homeserver-url.ts';

export type Fetch = typeof fetch;

const PROBE_TIMEOUT_MS = 10_000;

const getJson = async (fetchImpl: Fetch, url: string): Promise<{ status: number; body: unknown }> => {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    throw new RembukError('homeserver_unreachable', error instanceof Error ? `${url}: ${error.message}` : url);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return { status: response.status, body };
};

const isVersions = (body: unknown): boolean => typeof body === 'object' && body !== null && Array.isArray((body as { versions?: unknown }).versions);

/**
 * Finds the homeserver behind what the member typed and proves it speaks the
 * client-server API, so a wrong URL is reported as such instead of as a failed login.
 * A bare domain is first looked up through `.well-known/matrix/client`.
 */
export const probeHomeserver = async (typed: string, fetchImpl: Fetch = fetch): Promise<string> => {
  const { url, typedScheme } = normaliseHomeserverUrl(typed);
  let base = url;
  if (!typedScheme) {
    try {
      const wellKnown = await getJson(fetchImpl, `${url}/.well-known/matrix/client`);
      const discovered = (wellKnown.body as { 'm.homeserver'?: { base_url?: unknown } } | null)?.['m.homeserver']?.base_url;
      if (wellKnown.status === 200 && typeof discovered === 'string') {
        // Discovery over https must not send the password somewhere over plain http.
        const found = new URL(normaliseHomeserverUrl(discovered).url);
        if (found.protocol === 'https:' || isLoopbackHost(found.hostname)) {
          base = found.href.replace(/\/+$/, '');
        }
      }
    } catch {
      // No discovery document: the typed address itself may be the homeserver.
    }
  }
  const versions = await getJson(fetchImpl, `${base}/_matrix/client/versions`);
  if (versions.status !== 200 || !isVersions(versions.body)) {
    throw new RembukError('not_a_homeserver', `${base} answered ${String(versions.status)}`);
  }
  return base;
};
