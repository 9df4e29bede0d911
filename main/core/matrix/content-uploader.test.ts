import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, type MatrixClient } from 'matrix-js-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { decryptAttachment, uploadAttachment, type UploadAttachmentOptions } from '../media/attachment-upload.ts';
import { progressFetch } from '../media/upload-progress.ts';
import { MatrixContentUploader } from './content-uploader.ts';

type Upload = { url: string; type: string | undefined; body: Buffer };

/** A homeserver's media API, just enough: config and upload, answering as told. */
let uploads: Upload[];
let configRequests: string[];
let limit: number | null;
let uploadAnswer: (response: ServerResponse) => void;
let hold: Promise<void> | null;
let baseUrl: string;
let server: ReturnType<typeof createServer>;

const handle = (request: IncomingMessage, response: ServerResponse): void => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const url = request.url ?? '';
    if (url.includes('/config')) {
      configRequests.push(url);
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(limit === null ? {} : { 'm.upload.size': limit }));
      return;
    }
    uploads.push({ url, type: request.headers['content-type'], body: Buffer.concat(chunks) });
    void (hold ?? Promise.resolve()).then(() => {
      uploadAnswer(response);
    });
  });
};

beforeEach(async () => {
  uploads = [];
  configRequests = [];
  limit = 1000;
  hold = null;
  uploadAnswer = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"content_uri":"mxc://hs/media1"}');
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterEach(() => {
  server.closeAllConnections();
  server.close();
});

const client = (): MatrixClient => createClient({ baseUrl, accessToken: 'token', userId: '@a:hs', fetchFn: progressFetch() });

/** The whole upload as media does it, over the SDK's uploader of one client. */
const upload = (c: MatrixClient, options: UploadAttachmentOptions) => uploadAttachment(new MatrixContentUploader(c), options);

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    return error instanceof RembukError ? error.code : (error as Error).name;
  }
  return 'resolved';
};

describe('MatrixContentUploader under uploadAttachment', () => {
  it('uploads a plain file with its name and type, reporting progress', async () => {
    const data = Buffer.from('hello world');
    const progress: [number, number][] = [];
    const result = await upload(client(), {
      data,
      name: 'a b.txt',
      mimetype: 'text/plain',
      encrypt: false,
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result).toEqual({ url: 'mxc://hs/media1', info: { mimetype: 'text/plain', size: data.length } });
    expect(uploads[0]!.body.equals(data)).toBe(true);
    expect(uploads[0]!.type).toBe('text/plain');
    expect(uploads[0]!.url).toContain('filename=a+b.txt');
    expect(progress.at(-1)).toEqual([data.length, data.length]);
    expect(configRequests[0]).toContain('/_matrix/client/v1/media/config');
  });

  it('encrypts for an encrypted room: the server gets anonymous ciphertext, the result decrypts it', async () => {
    const data = Buffer.from('rahasia koperasi');
    const result = await upload(client(), { data, name: 'secret.txt', mimetype: 'text/plain', encrypt: true });
    expect(result.url).toBeUndefined();
    expect(result.file?.url).toBe('mxc://hs/media1');
    expect(result.info).toEqual({ mimetype: 'text/plain', size: data.length });
    const sent = uploads[0]!;
    expect(sent.body.equals(data)).toBe(false);
    expect(sent.type).toBe('application/octet-stream');
    expect(sent.url).not.toContain('filename');
    expect(decryptAttachment(sent.body, result.file!).equals(data)).toBe(true);
  });

  it('refuses a file over m.upload.size before uploading anything, and asks for the limit once', async () => {
    const c = client();
    const error = await upload(c, { data: Buffer.alloc(1001), name: 'big', mimetype: '', encrypt: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RembukError);
    expect((error as RembukError).code).toBe('file_too_large');
    expect(uploads).toEqual([]);
    await upload(c, { data: Buffer.alloc(1000), name: 'ok', mimetype: '', encrypt: false });
    expect(configRequests).toHaveLength(1);
    expect(uploads[0]!.type).toBe('application/octet-stream');
  });

  it('lets the server decide when it states no limit, and maps its M_TOO_LARGE', async () => {
    limit = null;
    uploadAnswer = (response) => response.writeHead(413, { 'content-type': 'application/json' }).end('{"errcode":"M_TOO_LARGE","error":"too big"}');
    expect(await codeOf(upload(client(), { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false }))).toBe('file_too_large');
  });

  it('says upload_failed when the server fails', async () => {
    uploadAnswer = (response) => response.writeHead(500, { 'content-type': 'application/json' }).end('{"errcode":"M_UNKNOWN","error":"boom"}');
    expect(await codeOf(upload(client(), { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false }))).toBe('upload_failed');
  });

  it('rejects with an AbortError when cancelled, before or during the upload', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await codeOf(upload(client(), { data: Buffer.alloc(10), name: 'x', mimetype: '', encrypt: false, signal: controller.signal }))).toBe('AbortError');
    expect(uploads).toEqual([]);

    let release = (): void => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const during = new AbortController();
    const pending = codeOf(
      upload(client(), {
        data: Buffer.alloc(10),
        name: 'x',
        mimetype: '',
        encrypt: false,
        signal: during.signal,
        onProgress: (loaded, total) => {
          if (loaded === total) {
            setTimeout(() => {
              during.abort();
            }, 20);
          }
        },
      }),
    );
    expect(await pending).toBe('AbortError');
    release();
  });
});
