import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

// Decrypted media, cached on disk sealed with the profile's storage key: a copy of the
// profile without that key (kept sealed by the OS keychain) shows no picture. Files are
// sealed in 64 KiB chunks, each with AES-256-GCM, so a range (an <audio> seeking) opens
// only the chunks it needs. Each chunk's associated data names its file, its index and
// whether it is the last, so chunks cannot be swapped, moved between files or cut off.

const MAGIC = Buffer.from('RMC1');
const CHUNK = 64 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const OVERHEAD = IV_BYTES + TAG_BYTES;

const subKey = (key: Uint8Array, purpose: string): Buffer => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `rembuk-media-cache/v1/${purpose}`, 32));

const associated = (name: string, index: number, last: boolean): Buffer => {
  const position = Buffer.alloc(9);
  position.writeBigUInt64BE(BigInt(index));
  position[8] = last ? 1 : 0;
  return Buffer.concat([Buffer.from(name), position]);
};

/** The plaintext size of a sealed file of `fileSize` bytes. */
export const plaintextSize = (fileSize: number): number => {
  const body = fileSize - MAGIC.length;
  const chunks = Math.ceil(body / (CHUNK + OVERHEAD));
  return body - chunks * OVERHEAD;
};

/** Writes one sealed file: bytes in, chunks out, and only `finish` makes it appear under its name. */
export type SealedWriter = {
  write(bytes: Uint8Array): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
};

export class SealedCache {
  private readonly dir: string;
  private readonly sealKey: Buffer;
  private readonly nameKey: Buffer;

  constructor(options: { dir: string; storageKey: Uint8Array }) {
    if (options.storageKey.length !== 32) {
      throw new RangeError('the storage key must be 32 bytes');
    }
    this.dir = options.dir;
    this.sealKey = subKey(options.storageKey, 'seal');
    this.nameKey = subKey(options.storageKey, 'name');
  }

  /** The file name for a media id (an mxc URL): keyed, so the folder does not list what was seen. */
  nameFor(id: string): string {
    return createHmac('sha256', this.nameKey).update(id).digest('hex');
  }

  private fileOf(name: string): string {
    return path.join(this.dir, `${name}.bin`);
  }

  /** The plaintext size of a cached file, or null when it is not cached. */
  async size(name: string): Promise<number | null> {
    try {
      return plaintextSize((await stat(this.fileOf(name))).size);
    } catch {
      return null;
    }
  }

  async writer(name: string): Promise<SealedWriter> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const final = this.fileOf(name);
    const temp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    await handle.write(MAGIC);
    let pending = Buffer.alloc(0);
    let index = 0;
    let closed = false;
    const seal = async (plain: Buffer, last: boolean): Promise<void> => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
      cipher.setAAD(associated(name, index, last));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      index += 1;
      await handle.write(Buffer.concat([iv, cipher.getAuthTag(), body]));
    };
    const close = async (): Promise<void> => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    };
    return {
      write: async (bytes) => {
        pending = Buffer.concat([pending, bytes]);
        // A full chunk is sealed only once more follows: the last chunk must be marked last.
        while (pending.length > CHUNK) {
          await seal(pending.subarray(0, CHUNK), false);
          pending = pending.subarray(CHUNK);
        }
      },
      finish: async () => {
        await seal(pending, true);
        await close();
        await rename(temp, final);
      },
      abort: async () => {
        await close();
        await rm(temp, { force: true });
      },
    };
  }

  /** Seals a plain file into the cache (our own upload, so it never needs downloading). */
  async importFile(name: string, source: string): Promise<void> {
    const writer = await this.writer(name);
    const input = await open(source, 'r');
    try {
      const buffer = Buffer.alloc(CHUNK);
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) {
          break;
        }
        await writer.write(Buffer.from(buffer.subarray(0, bytesRead)));
      }
      await writer.finish();
    } catch (error) {
      await writer.abort();
      throw error;
    } finally {
      await input.close();
    }
  }

  /** The plaintext bytes `start..end` (inclusive) of a cached file, chunk by chunk. */
  async *read(name: string, start: number, end: number): AsyncGenerator<Buffer> {
    const handle: FileHandle = await open(this.fileOf(name), 'r');
    try {
      const fileSize = (await handle.stat()).size;
      const total = plaintextSize(fileSize);
      const chunks = Math.max(1, Math.ceil((fileSize - MAGIC.length) / (CHUNK + OVERHEAD)));
      const magic = Buffer.alloc(MAGIC.length);
      await handle.read(magic, 0, MAGIC.length, 0);
      if (!magic.equals(MAGIC)) {
        throw new Error('not a sealed media file');
      }
      if (total === 0 || start > end) {
        return;
      }
      for (let index = Math.floor(start / CHUNK); index <= Math.floor(end / CHUNK) && index < chunks; index += 1) {
        const last = index === chunks - 1;
        const plainLength = last ? total - index * CHUNK : CHUNK;
        const sealed = Buffer.alloc(plainLength + OVERHEAD);
        await handle.read(sealed, 0, sealed.length, MAGIC.length + index * (CHUNK + OVERHEAD));
        const decipher = createDecipheriv('aes-256-gcm', this.sealKey, sealed.subarray(0, IV_BYTES));
        decipher.setAAD(associated(name, index, last));
        decipher.setAuthTag(sealed.subarray(IV_BYTES, OVERHEAD));
        const plain = Buffer.concat([decipher.update(sealed.subarray(OVERHEAD)), decipher.final()]);
        const from = index === Math.floor(start / CHUNK) ? start - index * CHUNK : 0;
        const to = index === Math.floor(end / CHUNK) ? end - index * CHUNK + 1 : plain.length;
        yield plain.subarray(from, to);
      }
    } finally {
      await handle.close();
    }
  }

  async remove(name: string): Promise<void> {
    await rm(this.fileOf(name), { force: true });
  }
}
