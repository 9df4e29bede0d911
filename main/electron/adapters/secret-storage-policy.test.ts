import { describe, expect, it } from 'vitest';
import { decideSecretStorage, refusalMessage, type SecretStorageFacts } from './secret-storage-policy.ts';

const facts = (overrides: Partial<SecretStorageFacts>): SecretStorageFacts => ({
  platform: 'linux',
  encryptionAvailable: true,
  linuxBackend: 'gnome_libsecret',
  allowPlaintext: false,
  ...overrides,
});

describe('decideSecretStorage', () => {
  it('uses the keychain and names it', () => {
    expect(decideSecretStorage(facts({}))).toEqual({ kind: 'os-keychain', description: 'safeStorage (gnome_libsecret)' });
    expect(decideSecretStorage(facts({ linuxBackend: 'kwallet6' }))).toEqual({ kind: 'os-keychain', description: 'safeStorage (kwallet6)' });
    expect(decideSecretStorage(facts({ platform: 'darwin', linuxBackend: null }))).toEqual({
      kind: 'os-keychain',
      description: 'safeStorage (macOS Keychain)',
    });
    expect(decideSecretStorage(facts({ platform: 'win32', linuxBackend: null }))).toEqual({
      kind: 'os-keychain',
      description: 'safeStorage (Windows DPAPI)',
    });
  });

  it('refuses basic_text even though safeStorage calls it available', () => {
    expect(decideSecretStorage(facts({ linuxBackend: 'basic_text' }))).toEqual({ kind: 'refuse', reason: 'basic_text', backend: 'basic_text' });
    expect(decideSecretStorage(facts({ linuxBackend: 'unknown' }))).toMatchObject({ kind: 'refuse', reason: 'basic_text' });
  });

  it('refuses when encryption is unavailable, on any platform', () => {
    expect(decideSecretStorage(facts({ encryptionAvailable: false }))).toMatchObject({ kind: 'refuse', reason: 'unavailable' });
    expect(decideSecretStorage(facts({ platform: 'darwin', linuxBackend: null, encryptionAvailable: false }))).toEqual({
      kind: 'refuse',
      reason: 'unavailable',
      backend: 'macOS Keychain',
    });
  });

  it('falls back to the key file only when allowed', () => {
    expect(decideSecretStorage(facts({ linuxBackend: 'basic_text', allowPlaintext: true }))).toEqual({ kind: 'key-file', reason: 'basic_text' });
    expect(decideSecretStorage(facts({ platform: 'win32', linuxBackend: null, encryptionAvailable: false, allowPlaintext: true }))).toEqual({
      kind: 'key-file',
      reason: 'unavailable',
    });
  });

  it('ignores the flag when a keychain is there', () => {
    expect(decideSecretStorage(facts({ allowPlaintext: true }))).toMatchObject({ kind: 'os-keychain' });
  });
});

describe('refusalMessage', () => {
  it('speaks both languages, names the backend and the way out', () => {
    const { title, content } = refusalMessage({ reason: 'basic_text', backend: 'basic_text' }, 'linux');
    expect(title).toContain('gantungan kunci');
    expect(title).toContain('keychain');
    expect(content).toContain('GNOME Keyring');
    expect(content).toContain('Jika Anda menerima risikonya');
    expect(content).toContain('If you accept the risk');
    expect(content.match(/--allow-plaintext-secrets/g)).toHaveLength(2);
    expect(content).toContain('basic_text');
  });

  it('gives no Linux advice elsewhere', () => {
    expect(refusalMessage({ reason: 'unavailable', backend: 'macOS Keychain' }, 'darwin').content).not.toContain('GNOME');
  });
});
