import { describe, expect, it } from 'vitest';
import { makeEvent, makeRoom, ME } from '../matrix/test-room.ts';
import { projectTimeline, type MediaProjection } from '../matrix/timeline-projection.ts';
import { encryptAttachment } from './attachment-crypto.ts';
import type { MediaUrls } from './media-item.ts';

const keys = encryptAttachment(Buffer.from('x')).keys;

const recordingUrls = (): MediaUrls & { calls: unknown[][] } => {
  const calls: unknown[][] = [];
  return {
    calls,
    url: (...args) => {
      calls.push(args);
      return `/media/${args[2]}-${String(calls.length)}`;
    },
  };
};

const media = (content: Record<string, unknown>) => makeEvent({ type: 'm.room.message', sender: '@bob:hs', content });

describe('media items', () => {
  it('projects an encrypted image with caption, sizes and thumbnail, never exposing the mxc or keys', async () => {
    const urls = recordingUrls();
    const event = media({
      msgtype: 'm.image',
      body: 'Rapat anggota',
      filename: 'rapat.jpg',
      file: { ...keys, url: 'mxc://hs/img' },
      info: {
        mimetype: 'image/jpeg',
        size: 1234,
        w: 640,
        h: 480,
        thumbnail_file: { ...keys, url: 'mxc://hs/thumb' },
        thumbnail_info: { mimetype: 'image/jpeg' },
      },
    });
    const room = await makeRoom('!r:hs', [event]);
    const projection: MediaProjection = { urls, pending: () => [] };
    const [item] = projectTimeline(room, ME, projection);
    expect(item).toMatchObject({
      kind: 'media',
      msgtype: 'image',
      caption: 'Rapat anggota',
      filename: 'rapat.jpg',
      mimetype: 'image/jpeg',
      size: 1234,
      width: 640,
      height: 480,
      durationMs: null,
      sendState: 'sent',
      error: null,
      mediaUrl: '/media/media-1',
      thumbnailUrl: '/media/thumbnail-2',
    });
    expect(JSON.stringify(item)).not.toMatch(/mxc:|"k"|hashes/);
    expect(urls.calls[0]).toEqual(['!r:hs', event.getId(), 'media', { mxc: 'mxc://hs/img', file: keys }, { mimetype: 'image/jpeg', filename: 'rapat.jpg' }]);
  });

  it('has no caption when the body is just the file name, and reads plain url files', async () => {
    const urls = recordingUrls();
    const room = await makeRoom('!r:hs', [
      media({ msgtype: 'm.file', body: 'laporan.pdf', url: 'mxc://hs/pdf', info: { mimetype: 'application/pdf', size: 10 } }),
    ]);
    const [item] = projectTimeline(room, ME, { urls, pending: () => [] });
    expect(item).toMatchObject({ kind: 'media', msgtype: 'file', caption: null, filename: 'laporan.pdf', thumbnailUrl: null });
    expect(urls.calls[0]?.[3]).toEqual({ mxc: 'mxc://hs/pdf' });
  });

  it('recognises voice notes and their duration', async () => {
    const room = await makeRoom('!r:hs', [
      media({
        msgtype: 'm.audio',
        body: 'Voice message',
        url: 'mxc://hs/v',
        'org.matrix.msc3245.voice': {},
        'org.matrix.msc1767.audio': { duration: 4100 },
        info: { mimetype: 'audio/ogg' },
      }),
      media({ msgtype: 'm.audio', body: 'lagu.mp3', url: 'mxc://hs/a', info: { duration: 1000 } }),
    ]);
    const items = projectTimeline(room, ME, { urls: recordingUrls(), pending: () => [] });
    expect(items.map((item) => (item.kind === 'media' ? [item.msgtype, item.durationMs] : item.kind))).toEqual([
      ['voice', 4100],
      ['audio', 1000],
    ]);
  });

  it('gives no URL for a missing, non-mxc or malformed file', async () => {
    const room = await makeRoom('!r:hs', [
      media({ msgtype: 'm.image', body: 'a.png', url: 'https://evil.example/a.png' }),
      media({ msgtype: 'm.image', body: 'b.png', file: { url: 'mxc://hs/b' } }),
      media({ msgtype: 'm.file', body: 'c' }),
    ]);
    const items = projectTimeline(room, ME, { urls: recordingUrls(), pending: () => [] });
    expect(items.map((item) => (item.kind === 'media' ? item.mediaUrl : 'not media'))).toEqual([null, null, null]);
  });

  it('adds our pending attachments after the events, and shows one only once', async () => {
    const room = await makeRoom('!r:hs', [media({ msgtype: 'm.file', body: 'a', url: 'mxc://hs/a' })]);
    const [sent] = projectTimeline(room, ME, { urls: recordingUrls(), pending: () => [] });
    const pending = { ...sent!, id: 'txn:1' };
    const items = projectTimeline(room, ME, { urls: recordingUrls(), pending: () => [pending, { ...sent! }] });
    expect(items.map((item) => item.id)).toEqual([sent!.id, 'txn:1']);
  });
});
