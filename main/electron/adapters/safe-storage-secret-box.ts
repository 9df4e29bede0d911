import { safeStorage } from 'electron';
import { KeyFileSecretBox } from '../../core/storage/key-file-secret-box.ts';
import type { SecretBox } from '../../core/ports.ts';
import { decideSecretStorage, refusalMessage } from './secret-storage-policy.ts';

/*
 * The port is synchronous, so this uses safeStorage's synchronous calls, which Electron
 * 45 deprecates and Electron 46 removes. Data sealed here stays readable by
 * `decryptStringAsync`, so moving the port to promises later loses nothing.
 */

/** Seals with the OS keychain through Electron safeStorage. Only built once `decideSecretStorage` said the keychain is real. */
export const createSafeStorageSecretBox = (description: string): SecretBox => ({
  description,
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- SecretBox is synchronous (see above)
  encrypt: (plain) => safeStorage.encryptString(plain),
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- SecretBox is synchronous (see above)
  decrypt: (sealed) => safeStorage.decryptString(sealed),
});

export type SecretBoxOutcome =
  | { kind: 'ready'; secretBox: SecretBox }
  /** No keychain and no `--allow-plaintext-secrets`: show this and quit. */
  | { kind: 'refused'; title: string; content: string };

/** Call after `app.whenReady()`: before it safeStorage cannot tell which backend it has. */
export const openSecretBox = async (options: { profileDir: string; allowPlaintext: boolean }): Promise<SecretBoxOutcome> => {
  const platform = process.platform;
  const decision = decideSecretStorage({
    platform,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- must match the synchronous encryptor used above
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
    allowPlaintext: options.allowPlaintext,
  });
  switch (decision.kind) {
    case 'os-keychain':
      return { kind: 'ready', secretBox: createSafeStorageSecretBox(decision.description) };
    case 'key-file': {
      const keyFile = await KeyFileSecretBox.open(options.profileDir);
      return {
        kind: 'ready',
        secretBox: {
          description: `${keyFile.description} (no OS keychain: ${decision.reason}; --allow-plaintext-secrets)`,
          encrypt: (plain) => keyFile.encrypt(plain),
          decrypt: (sealed) => keyFile.decrypt(sealed),
        },
      };
    }
    case 'refuse':
      return { kind: 'refused', ...refusalMessage(decision, platform) };
  }
};
