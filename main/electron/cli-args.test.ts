import { describe, expect, it } from 'vitest';
import { CliError, parseCliArgs } from './cli-args.ts';

describe('parseCliArgs', () => {
  it('defaults to the OS profile and a required keychain', () => {
    expect(parseCliArgs(['/usr/bin/electron', '.'])).toEqual({ profileDir: null, allowPlaintextSecrets: false, demoSignIn: false });
  });

  it('reads --profile-dir in both spellings, last one winning', () => {
    expect(parseCliArgs(['electron', '.', '--profile-dir', '/tmp/a']).profileDir).toBe('/tmp/a');
    expect(parseCliArgs(['Rembuk.exe', '--profile-dir=C:\\p']).profileDir).toBe('C:\\p');
    expect(parseCliArgs(['x', '--profile-dir', '/a', '--profile-dir=/b']).profileDir).toBe('/b');
  });

  it('does not take the next switch as the folder', () => {
    expect(() => parseCliArgs(['x', '--profile-dir', '--allow-plaintext-secrets'])).toThrow(CliError);
    expect(() => parseCliArgs(['x', '--profile-dir'])).toThrow(CliError);
    expect(() => parseCliArgs(['x', '--profile-dir='])).toThrow(CliError);
  });

  it('reads --allow-plaintext-secrets and ignores Chromium switches', () => {
    expect(parseCliArgs(['x', '--password-store=basic', '--allow-plaintext-secrets', '--enable-logging'])).toEqual({
      profileDir: null,
      allowPlaintextSecrets: true,
      demoSignIn: false,
    });
  });

  it('takes demo sign-in only from its own switch', () => {
    expect(parseCliArgs(['x', '--demo-sign-in-from-env']).demoSignIn).toBe(true);
    expect(parseCliArgs(['x', '--demo']).demoSignIn).toBe(false);
  });
});
