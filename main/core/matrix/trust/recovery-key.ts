import { decodeRecoveryKey } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { RembukError } from '../../../../shared/ipc/errors.ts';

/**
 * A recovery key as the member typed or pasted it, decoded to the secret storage key.
 * Spaces, dashes and line breaks between the groups are allowed (people copy it from
 * paper and from password managers); anything that is not a recovery key at all is
 * `recovery_key_invalid`, before main asks the server anything.
 */
export const parseRecoveryKey = (text: string): Uint8Array<ArrayBuffer> => {
  const compact = text.replace(/[\s-]+/g, '');
  if (compact.length === 0) {
    throw new RembukError('recovery_key_invalid', 'empty');
  }
  try {
    // decodeRecoveryKey checks the prefix, the parity byte and the length.
    return decodeRecoveryKey(compact);
  } catch (error) {
    throw new RembukError('recovery_key_invalid', error instanceof Error ? error.message : 'not a recovery key');
  }
};
