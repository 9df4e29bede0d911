const HASH_KEY = 'bridge';
const STORAGE_KEY = 'rembuk.bridgeSecret';

export type SecretSources = {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState'>;
};

/**
 * Reads the loopback secret from `#bridge=…`, keeps it for this tab so a reload still
 * connects, and takes it out of the visible URL so it is not copied, shared or
 * screenshotted along with the address.
 */
export const takeBridgeSecret = ({ location, storage, history }: SecretSources): string | null => {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get(HASH_KEY);
  if (fromHash !== null && fromHash !== '') {
    storage.setItem(STORAGE_KEY, fromHash);
    params.delete(HASH_KEY);
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
    return fromHash;
  }
  const stored = storage.getItem(STORAGE_KEY);
  return stored === '' ? null : stored;
};
