import { createClient, MemoryStore, type MatrixClient } from 'matrix-js-sdk';
import type { IStore } from 'matrix-js-sdk/lib/store/index.js';
import type { Logger } from '../ports.ts';
import type { SavedSession } from '../session/session-store.ts';
import { progressFetch } from '../media/upload-progress.ts';
import { sdkLogger } from './sdk-logging.ts';
import type { SecretStorageKeys } from './trust/secret-storage-keys.ts';
import { SAS_METHOD } from './trust/verification-manager.ts';

/** The matrix-js-sdk client of a saved session, configured as Rembuk uses it. Only the gateway makes one. */
export const createAccountClient = (options: { session: SavedSession; logger: Logger; keys: SecretStorageKeys; store?: IStore }): MatrixClient =>
  createClient({
    baseUrl: options.session.homeserverUrl,
    accessToken: options.session.accessToken,
    userId: options.session.userId,
    deviceId: options.session.deviceId,
    timelineSupport: true,
    logger: sdkLogger(options.logger),
    store: options.store ?? new MemoryStore(),
    cryptoCallbacks: options.keys.callbacks,
    // Emoji comparison only: Rembuk neither shows nor scans QR codes.
    verificationMethods: [SAS_METHOD],
    // Node's fetch has no upload progress; this one reports it for attachments (media/upload-progress.ts).
    fetchFn: progressFetch(),
  });
