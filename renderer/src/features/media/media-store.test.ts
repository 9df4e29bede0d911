import { describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/model/media.ts';
import { createFakeBridge, flush, ok, type FakeBridge } from '../../test/fake-bridge.ts';
import type { BrowserSaver } from './browser-save.ts';
import type { MediaProbe } from './media-probe.ts';
import { createMediaStore } from './media-store.ts';

const ROOM = '!r:x';

const probe = (overrides: Partial<MediaProbe> = {}): MediaProbe => ({
  image: () => Promise.resolve({ width: 1600, height: 900, thumbnail: new File([new Uint8Array(10)], 'thumbnail.jpg', { type: 'image/jpeg' }) }),
  duration: () => Promise.resolve(4200.4),
  ...overrides,
});

const saver = (): BrowserSaver & { saved: unknown[] } => {
  const saved: unknown[] = [];
  return {
    saved,
    save: (options) => {
      saved.push(options.url);
      options.onProgress(5, 10);
      return Promise.resolve();
    },
  };
};

/** A bridge that takes uploads and sends as main would. */
const mainBridge = (limit: number | null = 1000): FakeBridge => {
  const bridge = createFakeBridge();
  let uploads = 0;
  bridge.handle('media:config', () => ok({ maxUploadBytes: limit }));
  bridge.handle('upload:begin', () => ok({ uploadId: String(++uploads).padStart(32, '0') }));
  bridge.handle('upload:chunk', (input) => ok({ received: input.offset + atob(input.data).length }));
  bridge.handle('upload:abort', () => ok(null));
  bridge.handle('media:send', () => ok({ itemId: 'txn:1' }));
  return bridge;
};

const file = (name: string, type: string, size = 10): File => new File([new Uint8Array(size)], name, { type });

describe('media store', () => {
  it('stages picked files by kind, and sends an image with its size, thumbnail and caption', async () => {
    const bridge = mainBridge();
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    await media.loadConfig();
    media.stage(ROOM, [file('foto.jpg', 'image/jpeg'), file('laporan.pdf', 'application/pdf')]);
    expect(media.store.getState().staged?.files.map((f) => f.kind)).toEqual(['image', 'file']);
    media.setCaption('  Rapat  ');
    await media.send();
    expect(media.store.getState().staged).toBeNull();
    expect(bridge.callsTo('upload:begin')).toEqual([
      { name: 'thumbnail.jpg', mimetype: 'image/jpeg', size: 10 },
      { name: 'foto.jpg', mimetype: 'image/jpeg', size: 10 },
      { name: 'laporan.pdf', mimetype: 'application/pdf', size: 10 },
    ]);
    expect(bridge.callsTo('media:send')).toEqual([
      {
        roomId: ROOM,
        uploadId: '2'.padStart(32, '0'),
        kind: 'image',
        caption: 'Rapat',
        width: 1600,
        height: 900,
        durationMs: undefined,
        thumbnailUploadId: '1'.padStart(32, '0'),
      },
      {
        roomId: ROOM,
        uploadId: '3'.padStart(32, '0'),
        kind: 'file',
        caption: undefined,
        width: undefined,
        height: undefined,
        durationMs: undefined,
        thumbnailUploadId: undefined,
      },
    ]);
    expect(media.store.getState().preparing).toEqual([]);
  });

  it('refuses a file over the limit at once, saying the limit, and uploads nothing', async () => {
    const bridge = mainBridge(1000);
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    await media.loadConfig();
    media.stage(ROOM, [file('besar.bin', '', 1001)]);
    expect(media.store.getState()).toMatchObject({ staged: null, error: { code: 'file_too_large', limitBytes: 1000 } });
    expect(bridge.callsTo('upload:begin')).toEqual([]);
  });

  it('sends voice notes as voice, with a guessed type and their duration', async () => {
    const bridge = mainBridge();
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    media.stage(ROOM, [file('sample.opus', '')], { voice: true });
    await media.send();
    expect(bridge.callsTo('upload:begin')).toEqual([{ name: 'sample.opus', mimetype: 'audio/ogg', size: 10 }]);
    expect(bridge.callsTo('media:send')[0]).toMatchObject({ kind: 'voice', durationMs: 4200 });
  });

  it('lets the member mark an audio file as a voice note in the preview, and back', () => {
    const media = createMediaStore(mainBridge(), { probe: probe(), saver: saver() });
    media.stage(ROOM, [file('lagu.mp3', 'audio/mpeg')]);
    const key = media.store.getState().staged!.files[0]!.key;
    media.setVoice(key, true);
    expect(media.store.getState().staged!.files[0]!.kind).toBe('voice');
    media.setVoice(key, false);
    expect(media.store.getState().staged!.files[0]!.kind).toBe('audio');
  });

  it('sends a picture the browser cannot decode as a file', async () => {
    const bridge = mainBridge();
    const media = createMediaStore(bridge, { probe: probe({ image: () => Promise.resolve(null) }), saver: saver() });
    media.stage(ROOM, [file('a.webp', 'image/webp')]);
    await media.send();
    expect(bridge.callsTo('media:send')[0]).toMatchObject({ kind: 'file', thumbnailUploadId: undefined });
  });

  it("shows main's refusal", async () => {
    const bridge = mainBridge();
    bridge.handle('media:send', () => ({ ok: false, error: { code: 'room_not_found' } }));
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    media.stage(ROOM, [file('a.pdf', 'application/pdf')]);
    await media.send();
    expect(media.store.getState().error).toEqual({ code: 'room_not_found' });
  });

  it('cancels a file on its way to main', async () => {
    const bridge = mainBridge();
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    media.stage(ROOM, [file('a.pdf', 'application/pdf', UPLOAD_CHUNK_BYTES * 3)]);
    const sending = media.send();
    await flush();
    const [preparing] = media.store.getState().preparing;
    media.cancelPreparing(preparing!.key);
    await sending;
    expect(bridge.callsTo('upload:abort')).toHaveLength(1);
    expect(bridge.callsTo('media:send')).toEqual([]);
    expect(media.store.getState().error).toBeNull();
  });

  it('follows media:progress and forgets a finished transfer', () => {
    const bridge = mainBridge();
    const media = createMediaStore(bridge, { probe: probe(), saver: saver() });
    bridge.emit('media:progress', { roomId: ROOM, itemId: 'txn:1', phase: 'uploading', loaded: 5, total: 10 });
    expect(media.store.getState().transfers).toEqual({ 'txn:1': { phase: 'uploading', loaded: 5, total: 10 } });
    bridge.emit('media:progress', { roomId: ROOM, itemId: 'txn:1', phase: 'uploading', loaded: 10, total: 10 });
    expect(media.store.getState().transfers).toEqual({});
    media.dispose();
    expect(bridge.listenerCount('media:progress')).toBe(0);
  });

  it("saves through main's dialog where there is one", async () => {
    const bridge = mainBridge();
    bridge.handle('media:save', () => ok({ saved: true }));
    const browser = saver();
    const media = createMediaStore(bridge, { probe: probe(), saver: browser });
    await media.save({ id: '$e', mediaUrl: '/media/t', filename: 'a.pdf', mimetype: 'application/pdf' });
    expect(bridge.callsTo('media:save')).toEqual([{ itemId: '$e' }]);
    expect(browser.saved).toEqual([]);
  });

  it("saves the browser's way where main has no dialog, and stops asking main", async () => {
    const bridge = mainBridge();
    bridge.handle('media:save', () => ({ ok: false, error: { code: 'media_unsupported' } }));
    const browser = saver();
    const media = createMediaStore(bridge, { probe: probe(), saver: browser });
    await media.save({ id: '$e', mediaUrl: '/media/t', filename: 'a.pdf', mimetype: null });
    await media.save({ id: '$e', mediaUrl: '/media/t', filename: 'a.pdf', mimetype: null });
    expect(browser.saved).toEqual(['/media/t', '/media/t']);
    expect(bridge.callsTo('media:save')).toHaveLength(1);
    expect(media.store.getState().transfers).toEqual({});
  });
});
