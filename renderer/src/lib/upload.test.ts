import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/model/media.ts';
import { createFakeBridge, ok } from '../test/fake-bridge.ts';
import { toBase64, uploadFile, UploadError } from './upload.ts';

const fileOf = (bytes: Uint8Array<ArrayBuffer>, name = 'foto.jpg', type = 'image/jpeg'): File => new File([bytes], name, { type });

const decode = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A bridge that keeps what it is sent, as main's Uploads would. */
const receivingBridge = () => {
  const bridge = createFakeBridge();
  const received: number[] = [];
  bridge.handle('upload:begin', () => ok({ uploadId: 'u'.repeat(32) }));
  bridge.handle('upload:chunk', (input) => {
    for (const byte of decode(input.data)) {
      received.push(byte);
    }
    return ok({ received: received.length });
  });
  bridge.handle('upload:abort', () => ok(null));
  return { bridge, received };
};

describe('toBase64', () => {
  it('encodes like the standard', () => {
    expect(toBase64(new TextEncoder().encode('Hello, World'))).toBe('SGVsbG8sIFdvcmxk');
    expect(toBase64(new Uint8Array([0xff, 0xfe]))).toBe('//4=');
    expect(toBase64(new Uint8Array())).toBe('');
  });
});

describe('uploadFile', () => {
  it('declares the file, then sends it in order in 128 KiB chunks, reporting progress', async () => {
    const { bridge, received } = receivingBridge();
    const bytes = Uint8Array.from({ length: UPLOAD_CHUNK_BYTES * 2 + 10 }, (_, i) => i % 251);
    const progress: number[] = [];
    const id = await uploadFile(bridge, fileOf(bytes), {
      onProgress: (sent, total) => {
        expect(total).toBe(bytes.length);
        progress.push(sent);
      },
    });
    expect(id).toBe('u'.repeat(32));
    expect(bridge.callsTo('upload:begin')).toEqual([{ name: 'foto.jpg', mimetype: 'image/jpeg', size: bytes.length }]);
    const chunks = bridge.callsTo('upload:chunk') as { offset: number; data: string }[];
    expect(chunks.map((chunk) => chunk.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2]);
    expect(chunks.every((chunk) => decode(chunk.data).length <= UPLOAD_CHUNK_BYTES)).toBe(true);
    expect(new Uint8Array(received)).toEqual(bytes);
    expect(progress).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2, bytes.length]);
  });

  it('sends no chunk for an empty file', async () => {
    const { bridge } = receivingBridge();
    await uploadFile(bridge, fileOf(new Uint8Array(), 'empty.txt', ''));
    expect(bridge.callsTo('upload:chunk')).toEqual([]);
  });

  it('aborts in main and rejects with an AbortError when the signal fires', async () => {
    const { bridge } = receivingBridge();
    const controller = new AbortController();
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES * 3);
    const upload = uploadFile(bridge, fileOf(bytes), {
      signal: controller.signal,
      onProgress: (sent) => {
        if (sent > 0) {
          controller.abort();
        }
      },
    });
    await expect(upload).rejects.toMatchObject({ name: 'AbortError' });
    expect(bridge.callsTo('upload:chunk')).toHaveLength(1);
    expect(bridge.callsTo('upload:abort')).toEqual([{ uploadId: 'u'.repeat(32) }]);
  });

  it('does not even begin when already aborted', async () => {
    const { bridge } = receivingBridge();
    const controller = new AbortController();
    controller.abort();
    await expect(uploadFile(bridge, fileOf(new Uint8Array(3)), { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(bridge.calls).toEqual([]);
  });

  it("rejects with main's error code, and drops the half-sent upload", async () => {
    const { bridge } = receivingBridge();
    bridge.handle('upload:chunk', () => ({ ok: false, error: { code: 'invalid_request' } }));
    const error = await uploadFile(bridge, fileOf(new Uint8Array(5))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).code).toBe('invalid_request');
    expect(bridge.callsTo('upload:abort')).toHaveLength(1);
  });

  it('rejects when main refuses to begin', async () => {
    const bridge = createFakeBridge();
    bridge.handle('upload:begin', () => ({ ok: false, error: { code: 'not_signed_in' } }));
    await expect(uploadFile(bridge, fileOf(new Uint8Array(5)))).rejects.toMatchObject({ code: 'not_signed_in' });
  });
});
