import type { MatrixClient } from 'matrix-js-sdk';

/** How long a homeserver's upload limit is trusted before it is asked again. */
const CONFIG_TTL_MS = 60 * 60 * 1000;

type Cached = { at: number; limit: Promise<number | null> };

const cache = new WeakMap<MatrixClient, Cached>();

const sizeOf = (config: Record<string, unknown>): number | null => {
  const size = config['m.upload.size'];
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null;
};

/**
 * The largest upload the homeserver accepts (`m.upload.size`), or null when it does not
 * say or cannot be asked. Asked once per client and hour: the authenticated-media
 * endpoint first (`/_matrix/client/v1/media/config`), the legacy one for older servers.
 */
export const maxUploadSize = (client: MatrixClient, now: number = Date.now()): Promise<number | null> => {
  const cached = cache.get(client);
  if (cached !== undefined && now - cached.at < CONFIG_TTL_MS) {
    return cached.limit;
  }
  const limit = (async (): Promise<number | null> => {
    try {
      return sizeOf(await client.getMediaConfig(true));
    } catch {
      try {
        return sizeOf(await client.getMediaConfig(false));
      } catch {
        // Unknown: the upload is tried, and a server that refuses it says M_TOO_LARGE.
        cache.delete(client);
        return null;
      }
    }
  })();
  cache.set(client, { at: now, limit });
  return limit;
};
