import { timingSafeEqual } from 'node:crypto';

export const BRIDGE_PROTOCOL = 'rembuk-bridge.v1';
const SECRET_PREFIX = 'secret.';

/**
 * Whether a WebSocket upgrade may reach the core: it must come from the page we
 * served (Origin), to the address we bound (Host, against DNS rebinding), and carry
 * this run's secret, which only the URL we printed or opened contains.
 */
export const mayConnect = (options: {
  origin: string | undefined;
  host: string | undefined;
  protocols: readonly string[];
  expectedHost: string;
  secret: string;
}): boolean => {
  if (options.host !== options.expectedHost || options.origin !== `http://${options.expectedHost}`) {
    return false;
  }
  if (!options.protocols.includes(BRIDGE_PROTOCOL)) {
    return false;
  }
  const offered = options.protocols.find((protocol) => protocol.startsWith(SECRET_PREFIX))?.slice(SECRET_PREFIX.length) ?? '';
  const a = Buffer.from(offered);
  const b = Buffer.from(options.secret);
  return a.length === b.length && timingSafeEqual(a, b);
};
