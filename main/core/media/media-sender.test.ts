import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { MediaKind, MediaProgress } from '../../../shared/model/media.ts';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { Uploads } from '../uploads/uploads.ts';
import type { UploadAttachmentOptions, UploadedAttachment } from './attachment-upload.ts';
import { MediaOutbox } from './media-outbox.ts';
import type { MediaPort, PendingStatus } from './media-port.ts';
import { MediaSender } from './media-sender.ts';
import { MediaServer } from './media-server.ts';
import { SealedCache } from './sealed-cache.ts';

const temp = useTempDir('rembuk-media-sender-');
const ROOM = '!room:hs';

type Sent = { roomId: string; content: Record<string, unknown>; txnId: string };

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(check()).toBe(true);
};

const world = () => {
  const sent: Sent[] = [];
  const uploaded: UploadAttachmentOptions[] = [];
  const delivered: string[] = [];
  const changed: string[] = [];
  const progress: MediaProgress[] = [];
  let txn = 0;
  let failUpload: RembukError | null = null;
  let holdUpload: Promise<void> | null = null;
  let pending: PendingStatus | null = null;
  const resent: string[] = [];
  const cancelledPending: string[] = [];
  const uploads = new Uploads({ profileDir: temp.path, logger: silentLogger });
  const outbox = () => new MediaOutbox({ profileDir: temp.path, logger: silentLogger });
  const server = new MediaServer({
    cache: new SealedCache({ dir: path.join(temp.path, 'media-cache'), storageKey: randomBytes(32) }),
    logger: silentLogger,
    urlBase: '/media/',
    homeserverUrl: () => 'http://hs',
    accessToken: () => null,
    progress: () => undefined,
  });
  const upload = async (options: UploadAttachmentOptions): Promise<UploadedAttachment> => {
    uploaded.push(options);
    await holdUpload;
    if (options.signal?.aborted === true) {
      throw new DOMException('aborted', 'AbortError');
    }
    if (failUpload !== null) {
      throw failUpload;
    }
    options.onProgress?.(options.data.length, options.data.length);
    return { url: `mxc://hs/${String(uploaded.length)}`, info: { mimetype: options.mimetype, size: options.data.length } };
  };
  const matrix: MediaPort = {
    userId: '@me:hs',
    hasRoom: (roomId) => roomId === ROOM,
    isEncrypted: () => true,
    memberName: () => null,
    readyToSendIn: () => Promise.resolve(true),
    // The server echoes our transaction ids: what was sent shows as delivered.
    delivered: (roomId, txnId) => (roomId === ROOM && delivered.includes(txnId) ? {} : undefined),
    makeTxnId: () => `t${String(++txn)}`,
    sendMessage: (roomId, content, txnId) => {
      sent.push({ roomId, content, txnId });
      delivered.push(txnId);
      return Promise.resolve();
    },
    upload,
    // Every pending event of the room has the status a test sets (none unless it sets one).
    pendingStatus: () => pending,
    resendPending: (_roomId, itemId) => {
      resent.push(itemId);
      return Promise.resolve();
    },
    cancelPending: (_roomId, itemId) => {
      cancelledPending.push(itemId);
    },
    maxUploadSize: () => Promise.resolve(100_000),
    homeserverUrl: () => 'http://hs',
    accessToken: () => null,
  };
  const sender = (box = outbox()) =>
    new MediaSender({
      matrix,
      outbox: box,
      uploads,
      media: server,
      logger: silentLogger,
      clock: { now: () => 1000 },
      listeners: { changed: (roomId) => changed.push(roomId), progress: (p) => progress.push(p) },
    });
  const uploadFile = async (bytes: Buffer, name = 'foto.jpg', mimetype = 'image/jpeg'): Promise<string> => {
    const id = await uploads.begin({ name, mimetype, size: bytes.length });
    if (bytes.length > 0) {
      await uploads.chunk(id, 0, bytes);
    }
    return id;
  };
  return {
    sent,
    uploaded,
    delivered,
    changed,
    progress,
    server,
    outbox,
    sender,
    uploadFile,
    failUploads: (error: RembukError | null) => {
      failUpload = error;
    },
    holdUploads: (hold: Promise<void> | null) => {
      holdUpload = hold;
    },
    setPending: (status: PendingStatus | null) => {
      pending = status;
    },
    resent,
    cancelledPending,
    stop: () => uploads.stop(),
  };
};

let current: ReturnType<typeof world> | null = null;
afterEach(async () => {
  await current?.stop();
  current = null;
});
const make = (): ReturnType<typeof world> => {
  current = world();
  return current;
};

const send = (w: ReturnType<typeof world>, sender: MediaSender, uploadId: string, kind: MediaKind = 'image', extra: Record<string, unknown> = {}) =>
  sender.send({ roomId: ROOM, uploadId, kind, ...extra });

const outboxFiles = async (): Promise<string[]> => readdir(path.join(temp.path, 'media-outbox')).catch(() => []);

/** The sender finishes in the background (caching, then removing): wait for it before the folder goes. */
const untilNoOutboxFiles = async (): Promise<void> => {
  for (let i = 0; i < 200 && (await outboxFiles()).length > 0; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(await outboxFiles()).toEqual([]);
};

describe('MediaSender', () => {
  it('uploads encrypted with its thumbnail, sends the event under its transaction id, then empties the outbox', async () => {
    const w = make();
    const sender = w.sender();
    const image = randomBytes(5000);
    const itemId = await send(w, sender, await w.uploadFile(image), 'image', {
      caption: 'Rapat',
      width: 1600,
      height: 1200,
      thumbnailUploadId: await w.uploadFile(randomBytes(100), 'thumb.jpg'),
    });
    expect(itemId).toBe('txn:t1');
    await until(() => w.sent.length === 1);
    await until(() => sender.pendingItems(ROOM, (id) => id).length === 0);
    expect(w.uploaded.map((u) => [u.name, u.encrypt])).toEqual([
      ['thumb.jpg', true],
      ['foto.jpg', true],
    ]);
    expect(w.uploaded[1]!.data.equals(image)).toBe(true);
    expect(w.sent[0]).toMatchObject({ roomId: ROOM, txnId: 't1' });
    expect(w.sent[0]!.content).toMatchObject({
      msgtype: 'm.image',
      body: 'Rapat',
      filename: 'foto.jpg',
      url: 'mxc://hs/2',
      info: { mimetype: 'image/jpeg', size: 5000, w: 1600, h: 1200, thumbnail_url: 'mxc://hs/1', thumbnail_info: { w: 800, h: 600 } },
    });
    expect(w.progress.at(-1)).toEqual({ roomId: ROOM, itemId, phase: 'uploading', loaded: 5000, total: 5000 });
    await untilNoOutboxFiles();
  });

  it('refuses a file over the limit before keeping or uploading anything', async () => {
    const w = make();
    const sender = w.sender();
    const error = await send(w, sender, await w.uploadFile(randomBytes(100_001))).catch((e: unknown) => e);
    expect((error as RembukError).code).toBe('file_too_large');
    expect(w.uploaded).toEqual([]);
    expect(await outboxFiles()).toEqual([]);
  });

  it('refuses an "image" that is not one', async () => {
    const w = make();
    const error = await send(w, w.sender(), await w.uploadFile(Buffer.from('%PDF'), 'a.pdf', 'application/pdf')).catch((e: unknown) => e);
    expect((error as RembukError).code).toBe('media_unsupported');
  });

  it('refuses an upload that is not complete', async () => {
    const w = make();
    const error = await send(w, w.sender(), 'f'.repeat(32)).catch((e: unknown) => e);
    expect((error as RembukError).code).toBe('invalid_request');
  });

  it('shows a failed upload with its reason, and Retry sends it', async () => {
    const w = make();
    const sender = w.sender();
    w.failUploads(new RembukError('upload_failed'));
    const itemId = await send(w, sender, await w.uploadFile(randomBytes(10), 'voice.ogg', ''), 'voice', { durationMs: 3000 });
    await until(
      () =>
        sender.pendingItems(ROOM, (id) => id)[0]?.kind === 'media' &&
        (sender.pendingItems(ROOM, (id) => id)[0] as { sendState: string }).sendState === 'failed',
    );
    const [item] = sender.pendingItems(ROOM, (id) => id);
    expect(item).toMatchObject({ id: itemId, kind: 'media', msgtype: 'voice', sendState: 'failed', error: 'upload_failed', mimetype: 'audio/ogg', own: true });
    expect(item).toHaveProperty('mediaUrl', expect.stringMatching(/^\/media\//) as unknown);
    w.failUploads(null);
    sender.retry(ROOM, itemId);
    await until(() => w.sent.length === 1);
    expect(w.sent[0]!.content).toMatchObject({ msgtype: 'm.audio', 'org.matrix.msc3245.voice': {}, 'org.matrix.msc1767.audio': { duration: 3000 } });
    await untilNoOutboxFiles();
  });

  it('cancels an upload on its way: the item and its files go', async () => {
    const w = make();
    const sender = w.sender();
    let release = (): void => undefined;
    w.holdUploads(
      new Promise((resolve) => {
        release = resolve;
      }),
    );
    const itemId = await send(w, sender, await w.uploadFile(randomBytes(10)), 'file');
    expect(sender.pendingItems(ROOM, (id) => id)).toHaveLength(1);
    expect(await sender.cancel(itemId)).toBe(true);
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sender.pendingItems(ROOM, (id) => id)).toEqual([]);
    expect(w.sent).toEqual([]);
    expect(await outboxFiles()).toEqual([]);
    expect(await sender.cancel(itemId)).toBe(false);
  });

  it('after a crash mid-upload, uploads again and sends once under the same transaction id', async () => {
    const w = make();
    w.holdUploads(new Promise(() => undefined));
    const itemId = await send(w, w.sender(), await w.uploadFile(randomBytes(10)));
    await until(() => w.uploaded.length === 1);
    // The process dies here: nothing more of the first sender runs. A new one reads the disk.
    w.holdUploads(null);
    const box = w.outbox();
    const restarted = w.sender(box);
    restarted.restore(await box.load());
    expect(restarted.pendingItems(ROOM, (id) => id)).toMatchObject([{ id: itemId, sendState: 'sending' }]);
    await restarted.replay();
    await until(() => w.sent.length === 1);
    expect(w.sent[0]!.txnId).toBe(itemId.slice(4));
    await until(() => box.all().length === 0);
    await untilNoOutboxFiles();
  });

  it('after a crash with the event content saved, sends it again without uploading, or drops it when the server has it', async () => {
    const w = make();
    const box = w.outbox();
    await box.load();
    const content = { msgtype: 'm.file', body: 'a.pdf', url: 'mxc://hs/x' };
    const file = path.join(temp.path, 'f');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'x');
    const base = { roomId: ROOM, kind: 'file' as const, createdAt: 1, file: { name: 'a.pdf', mimetype: 'application/pdf', size: 1 }, content };
    await box.add({ ...base, txnId: 'again' }, { file });
    await writeFile(file, 'y');
    await box.add({ ...base, txnId: 'arrived' }, { file });
    w.delivered.push('arrived');
    const restarted = w.sender(box);
    restarted.restore(await box.load());
    await restarted.replay();
    await until(() => box.all().length === 0);
    expect(w.uploaded).toEqual([]);
    expect(w.sent.map((s) => s.txnId)).toEqual(['again']);
    expect(w.sent[0]!.content).toEqual(content);
  });

  it('retries a failed event by resending the pending one, and cancels only what has not gone out', async () => {
    const w = make();
    const box = w.outbox();
    await box.load();
    const file = path.join(temp.path, 'f');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, 'x');
    const content = { msgtype: 'm.file', body: 'a.pdf', url: 'mxc://hs/x' };
    await box.add(
      { txnId: 'failed', roomId: ROOM, kind: 'file', createdAt: 1, file: { name: 'a.pdf', mimetype: 'application/pdf', size: 1 }, content },
      { file },
    );
    const sender = w.sender(box);
    sender.restore(await box.load());

    w.setPending('sending');
    sender.retry(ROOM, 'txn:failed');
    const refused = await sender.cancel('txn:failed').catch((e: unknown) => e);
    expect((refused as RembukError).code).toBe('invalid_request');
    expect(w.resent).toEqual([]);

    w.setPending('not_sent');
    sender.retry(ROOM, 'txn:failed');
    await until(() => box.all().length === 0);
    expect(w.resent).toEqual(['txn:failed']);
    expect(w.uploaded).toEqual([]);
    expect(w.sent).toEqual([]);
  });

  it('cancels a queued event in the SDK as well as in the outbox', async () => {
    const w = make();
    w.holdUploads(new Promise(() => undefined));
    const sender = w.sender();
    const itemId = await send(w, sender, await w.uploadFile(randomBytes(10)), 'file');
    w.setPending('queued');
    expect(await sender.cancel(itemId)).toBe(true);
    expect(w.cancelledPending).toEqual([itemId]);
    expect(sender.pendingItems(ROOM, (id) => id)).toEqual([]);
  });
});
