import { chmod, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { KeyFileSecretBox } from './key-file-secret-box.ts';

const temp = useTempDir('rembuk-keybox-');
let profile: string;

beforeEach(() => {
  profile = path.join(temp.path, 'profile');
});

describe('KeyFileSecretBox', () => {
  it.each(['syt_access_token_123', '', 'ünïcødé 🔐'])('decrypts what it encrypted (%j)', async (plain) => {
    const box = await KeyFileSecretBox.open(profile);
    expect(box.decrypt(box.encrypt(plain))).toBe(plain);
  });

  it('does not keep the plain text in the sealed bytes, and seals the same text differently each time', async () => {
    const box = await KeyFileSecretBox.open(profile);
    const first = box.encrypt('syt_secret_token');
    expect(first.toString('latin1')).not.toContain('syt_secret_token');
    expect(first.equals(box.encrypt('syt_secret_token'))).toBe(false);
  });

  it('creates a 32-byte key file readable by the owner only', async () => {
    const box = await KeyFileSecretBox.open(profile);
    const keyFile = path.join(profile, 'secret.key');
    const info = await stat(keyFile);
    expect(info.mode & 0o777).toBe(0o600);
    expect(info.size).toBe(32);
    expect(box.description).toContain(keyFile);
  });

  it('tightens a key file that others can read', async () => {
    await KeyFileSecretBox.open(profile);
    const keyFile = path.join(profile, 'secret.key');
    await chmod(keyFile, 0o644);
    await KeyFileSecretBox.open(profile);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });

  it('decrypts earlier ciphertext after the profile is reopened', async () => {
    const sealed = (await KeyFileSecretBox.open(profile)).encrypt('remember me');
    const reopened = await KeyFileSecretBox.open(profile);
    expect(reopened.decrypt(sealed)).toBe('remember me');
  });

  it('cannot decrypt what another profile sealed', async () => {
    const sealed = (await KeyFileSecretBox.open(profile)).encrypt('not yours');
    const other = await KeyFileSecretBox.open(path.join(temp.path, 'other'));
    expect(() => other.decrypt(sealed)).toThrow();
  });

  it.each([
    ['the body', (sealed: Buffer) => sealed.length - 1],
    ['the auth tag', () => 1 + 12],
    ['the IV', () => 1],
  ])('rejects ciphertext with a flipped bit in %s', async (_label, where) => {
    const box = await KeyFileSecretBox.open(profile);
    const sealed = box.encrypt('integrity matters');
    const index = where(sealed);
    sealed[index] = (sealed[index] ?? 0) ^ 0x01;
    expect(() => box.decrypt(sealed)).toThrow();
  });

  it('rejects an unknown version byte or a truncated secret with a format error', async () => {
    const box = await KeyFileSecretBox.open(profile);
    const sealed = box.encrypt('x');
    const wrongVersion = Buffer.from(sealed);
    wrongVersion[0] = 2;
    expect(() => box.decrypt(wrongVersion)).toThrow(/unknown format/);
    expect(() => box.decrypt(sealed.subarray(0, 20))).toThrow(/unknown format/);
    expect(() => box.decrypt(Buffer.alloc(0))).toThrow(/unknown format/);
  });

  it.each([16, 33, 0])('refuses a key file of %i bytes with a clear error', async (length) => {
    await KeyFileSecretBox.open(profile);
    const keyFile = path.join(profile, 'secret.key');
    await writeFile(keyFile, Buffer.alloc(length, 7));
    await expect(KeyFileSecretBox.open(profile)).rejects.toThrow(/secret\.key is damaged \(expected 32 bytes\)/);
  });
});
