/**
 * Where the access token's key may live, decided from what Electron's safeStorage
 * reports. Pure, so every platform's branch is tested without Electron.
 *
 * Like Element Desktop's storage modes: the OS keychain by default; refuse to start
 * without one unless the member (or a test) explicitly allows a weaker store.
 */

/** `safeStorage.getSelectedStorageBackend()` values (Linux only). */
export type LinuxBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export type SecretStorageFacts = {
  platform: NodeJS.Platform;
  /** `safeStorage.isEncryptionAvailable()` after `ready`. */
  encryptionAvailable: boolean;
  /** The Linux backend; null elsewhere. */
  linuxBackend: LinuxBackend | null;
  /** `--allow-plaintext-secrets` was given. */
  allowPlaintext: boolean;
};

export type RefusalReason = 'unavailable' | 'basic_text';

export type SecretStorageDecision =
  /** Seal with safeStorage: the key is the OS keychain's. */
  | { kind: 'os-keychain'; description: string }
  /**
   * No usable keychain but the member allowed it: an AES key in a 0600 file in the
   * profile. Still better than safeStorage's `basic_text`, whose key is a constant
   * compiled into every Chromium.
   */
  | { kind: 'key-file'; reason: RefusalReason }
  | { kind: 'refuse'; reason: RefusalReason; backend: string };

const keychainName = (platform: NodeJS.Platform, linuxBackend: LinuxBackend | null): string => {
  switch (platform) {
    case 'darwin':
      return 'macOS Keychain';
    case 'win32':
      return 'Windows DPAPI';
    default:
      return linuxBackend ?? 'unknown';
  }
};

export const decideSecretStorage = ({ platform, encryptionAvailable, linuxBackend, allowPlaintext }: SecretStorageFacts): SecretStorageDecision => {
  const backend = keychainName(platform, linuxBackend);
  // `unknown` only happens before `ready`; treat it like no keychain rather than guess.
  const plaintextBackend = platform === 'linux' && (linuxBackend === 'basic_text' || linuxBackend === 'unknown' || linuxBackend === null);
  const reason: RefusalReason | null = !encryptionAvailable ? 'unavailable' : plaintextBackend ? 'basic_text' : null;
  if (reason === null) {
    return { kind: 'os-keychain', description: `safeStorage (${backend})` };
  }
  return allowPlaintext ? { kind: 'key-file', reason } : { kind: 'refuse', reason, backend };
};

/** The dialog shown when we refuse: Bahasa Indonesia first, then English, since main has no i18n and this appears before any window. */
export const refusalMessage = (decision: { reason: RefusalReason; backend: string }, platform: NodeJS.Platform): { title: string; content: string } => {
  const linuxHintId =
    platform === 'linux' ? ' Di Linux, pasang dan buka kunci layanan Secret Service (GNOME Keyring atau KWallet), lalu jalankan Rembuk lagi.' : '';
  const linuxHintEn = platform === 'linux' ? ' On Linux, install and unlock a Secret Service (GNOME Keyring or KWallet), then start Rembuk again.' : '';
  const whyId =
    decision.reason === 'basic_text'
      ? 'Rembuk tidak menemukan gantungan kunci (keychain) sistem operasi: tanpa itu, token masuk Anda hanya akan disamarkan dengan kunci yang sama di setiap komputer.'
      : 'Rembuk tidak dapat memakai gantungan kunci (keychain) sistem operasi untuk mengenkripsi token masuk Anda.';
  const whyEn =
    decision.reason === 'basic_text'
      ? 'Rembuk found no operating-system keychain: without one, your sign-in token would only be obscured with a key that is the same on every computer.'
      : 'Rembuk cannot use the operating-system keychain to encrypt your sign-in token.';
  return {
    title: 'Rembuk: gantungan kunci tidak tersedia / keychain unavailable',
    content: [
      `${whyId}${linuxHintId} Jika Anda menerima risikonya, jalankan Rembuk dengan --allow-plaintext-secrets: kuncinya lalu disimpan dalam berkas di folder profil, yang dapat dibaca oleh program lain milik pengguna yang sama.`,
      `${whyEn}${linuxHintEn} If you accept the risk, start Rembuk with --allow-plaintext-secrets: the key is then kept in a file in the profile folder, readable by other programs running as the same user.`,
      `(safeStorage backend: ${decision.backend}${decision.reason === 'unavailable' ? '; encryption unavailable' : ''})`,
    ].join('\n\n'),
  };
};
