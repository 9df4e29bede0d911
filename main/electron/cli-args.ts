/**
 * Rembuk's own command-line switches. Chromium's switches (`--password-store=…`,
 * `--enable-logging`, …) and the app path Electron passes in development are left alone.
 */
export type CliOptions = {
  /** `--profile-dir <dir>` or `--profile-dir=<dir>`: use this folder instead of the OS default, as Element does; tests give each run a fresh one. */
  profileDir: string | null;
  /** `--allow-plaintext-secrets`: start even without an OS keychain, keeping the key in a file instead. */
  allowPlaintextSecrets: boolean;
  /**
   * `--demo-sign-in-from-env`: `npm run demo` opens Electron already signed in as a demo
   * member, with the credentials in REMBUK_DEMO_SIGN_IN (and restored with the recovery key
   * in REMBUK_DEMO_RECOVERY_KEY, this being a second device). Only with this switch, and only
   * when the profile has no session yet.
   */
  demoSignIn: boolean;
};

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const parseCliArgs = (argv: readonly string[]): CliOptions => {
  const options: CliOptions = { profileDir: null, allowPlaintextSecrets: false, demoSignIn: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--allow-plaintext-secrets') {
      options.allowPlaintextSecrets = true;
    } else if (arg === '--demo-sign-in-from-env') {
      options.demoSignIn = true;
    } else if (arg === '--profile-dir') {
      const value = argv[index + 1];
      if (value === undefined || value === '' || value.startsWith('--')) {
        throw new CliError('--profile-dir needs a folder: --profile-dir <dir>');
      }
      options.profileDir = value;
      index++;
    } else if (arg?.startsWith('--profile-dir=') === true) {
      const value = arg.slice('--profile-dir='.length);
      if (value === '') {
        throw new CliError('--profile-dir needs a folder: --profile-dir=<dir>');
      }
      options.profileDir = value;
    }
  }
  return options;
};
