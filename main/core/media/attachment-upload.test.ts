import { describe, expect, it, vi } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { decryptAttachment, uploadAttachment, type ContentUploader } from './attachment-upload.ts';

type Put = { body: Buffer; name: string | undefined; type: string };

/** A media repository as the upload sees it: a limit, and PUTs that answer as told. */
const fakeUploader = (options: { limit?: number | null; fail?: Error; untilAborted?: boolean } = {}) => {
  const puts: Put[] = [];
  const uploader: ContentUploader = {
    maxUploadSize: () => Promise.resolve(options.limit === undefined ? 1000 : options.limit),
    upload: (body, put) => {
      puts.push({ body, name: put.name, type: put.type });
      if (options.untilAborted === true) {
        return new Promise((_resolve, reject) => {
          put.signal?.addEventListener('abort', () => {
            reject(new DOMException('aborted', 'AbortError'));
          });
        });
      }
      if (options.fail !== undefined) {
        return Promise.reject(options.fail);
      }
      put.onProgress(body.length / 2);
      return Promise.resolve(`mxc://hs/${String(puts.length)}`);
    },
  };
  return { uploader, puts };
};

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    return error instanceof RembukError ? `${error.code}: ${error.message}` : (error as Error).name;
  }
  return 'resolved';
};

describe('uploadAttachment', () => {
  it('uploads a plain file under its name and type, reporting progress up to the whole', async () => {
    const { uploader, puts } = fakeUploader();
    const progress: [number, number][] = [];
    const data = Buffer.from('hello world');
    const result = await uploadAttachment(uploader, {
      data,
      name: 'a.txt',
      mimetype: 'text/plain',
      encrypt: false,
      onProgress: (l, t) => progress.push([l, t]),
    });
    expect(result).toEqual({ url: 'mxc://hs/1', info: { mimetype: 'text/plain', size: data.length } });
    expect(puts).toEqual([{ body: data, name: 'a.txt', type: 'text/plain' }]);
    expect(progress).toEqual([
      [data.length / 2, data.length],
      [data.length, data.length],
    ]);
  });

  it('encrypts for an encrypted room: anonymous ciphertext goes up, the returned file decrypts it', async () => {
    const { uploader, puts } = fakeUploader();
    const data = Buffer.from('rahasia koperasi');
    const result = await uploadAttachment(uploader, { data, name: 'secret.txt', mimetype: 'text/plain', encrypt: true });
    expect(result.url).toBeUndefined();
    expect(result.file?.url).toBe('mxc://hs/1');
    expect(puts[0]).toMatchObject({ name: undefined, type: 'application/octet-stream' });
    expect(puts[0]!.body.equals(data)).toBe(false);
    expect(decryptAttachment(puts[0]!.body, result.file!).equals(data)).toBe(true);
  });

  it('refuses a file over the limit before uploading, and names an unknown type octet-stream', async () => {
    const { uploader, puts } = fakeUploader();
    expect(await codeOf(uploadAttachment(uploader, { data: Buffer.alloc(1001), name: 'big', mimetype: '', encrypt: false }))).toBe(
      'file_too_large: limit 1000 bytes (0 MB)',
    );
    expect(puts).toEqual([]);
    const fits = await uploadAttachment(uploader, { data: Buffer.alloc(1000), name: 'ok', mimetype: '', encrypt: false });
    expect(fits.info.mimetype).toBe('application/octet-stream');
    expect(puts[0]!.type).toBe('application/octet-stream');
  });

  it("says the server's limit when the server refuses the size, and passes other failures on", async () => {
    const tooLarge = new RembukError('file_too_large', 'too big');
    expect(await codeOf(uploadAttachment(fakeUploader({ fail: tooLarge }).uploader, { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false }))).toBe(
      'file_too_large: limit 1000 bytes (0 MB)',
    );
    expect(
      await codeOf(
        uploadAttachment(fakeUploader({ limit: null, fail: tooLarge }).uploader, { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false }),
      ),
    ).toBe('file_too_large: too big');
    const failed = new RembukError('upload_failed', 'boom');
    expect(await codeOf(uploadAttachment(fakeUploader({ fail: failed }).uploader, { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false }))).toBe(
      'upload_failed: boom',
    );
  });

  it('rejects with an AbortError when cancelled, before or during the upload', async () => {
    const before = fakeUploader();
    const controller = new AbortController();
    controller.abort();
    expect(
      await codeOf(uploadAttachment(before.uploader, { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false, signal: controller.signal })),
    ).toBe('AbortError');
    expect(before.puts).toEqual([]);

    const during = fakeUploader({ untilAborted: true });
    const cancel = new AbortController();
    const pending = codeOf(uploadAttachment(during.uploader, { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false, signal: cancel.signal }));
    await vi.waitFor(() => {
      expect(during.puts).toHaveLength(1);
    });
    cancel.abort();
    expect(await pending).toBe('AbortError');
    expect(during.puts).toHaveLength(1);
  });
});
