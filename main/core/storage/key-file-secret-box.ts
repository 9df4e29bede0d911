import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';
import type { SecretBox } from '../ports.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

/**
 * The loopback transport's stand-in for Electron safeStorage: AES-256-GCM with a
 * random key kept in a file only the user can read (mode 0600). It protects the
 * token from other users of the machine and from copies of the profile without
 * the key file — not from malware running as the same user, which the OS keychain
 * does better (see README).
 */
export class KeyFileSecretBox implements SecretBox {
  readonly description: string;
  private readonly key: Buffer;

  private constructor(key: Buffer, keyFile: string) {
    this.key = key;
    this.description = `key file ${keyFile}`;
  }

  static async open(profileDir: string): Promise<KeyFileSecretBox> {
    const keyFile = path.join(profileDir, 'secret.key');
    let key = await readFileIfExists(keyFile);
    if (key === null) {
      key = randomBytes(KEY_BYTES);
      await writeFileAtomic(keyFile, key, 0o600);
    } else if (key.length !== KEY_BYTES) {
      throw new Error(`${keyFile} is damaged (expected ${String(KEY_BYTES)} bytes)`);
    } else if (((await stat(keyFile)).mode & 0o077) !== 0) {
      await chmod(keyFile, 0o600);
    }
    return new KeyFileSecretBox(key, keyFile);
  }

  encrypt(plain: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('sealed secret has an unknown format');
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
