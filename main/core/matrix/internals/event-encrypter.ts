import type { MatrixEvent, Room } from 'matrix-js-sdk';
import type { CryptoApi } from 'matrix-js-sdk/lib/crypto-api/index.js';

/**
 * matrix-js-sdk internal: the encrypting half of `sendEvent`. `CryptoApi` does not expose
 * it; the Rust backend (`RustCrypto`, the object `client.getCrypto()` returns) has it as
 * `encryptEvent(event, room)`, the same call the SDK's send queue makes. The import uses
 * it to encrypt with the account's own machine and PUT the event itself
 * (matrix-import-port.ts says why). event-encrypter.test.ts fails, naming it, if an
 * upgrade removes it.
 */
export type EventEncrypter = { encryptEvent(event: MatrixEvent, room: Room): Promise<void> };

/** Whether the crypto backend has the internal `encryptEvent` (checked, not cast). */
export const isEventEncrypter = (crypto: CryptoApi | undefined): crypto is CryptoApi & EventEncrypter =>
  crypto !== undefined && 'encryptEvent' in crypto && typeof crypto.encryptEvent === 'function';
