import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { click, render, type Rendered } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { MediaItem } from './MediaItem.tsx';

type Media = Extract<TimelineItem, { kind: 'media' }>;

const media = (extra: Partial<Media> = {}): Media => ({
  id: '$m1',
  eventId: '$m1',
  sender: '@budi:example.org',
  senderName: 'Budi',
  own: false,
  ts: 1_700_000_000_000,
  kind: 'media',
  msgtype: 'image',
  caption: null,
  filename: 'foto.jpg',
  mimetype: 'image/jpeg',
  size: 2048,
  width: 640,
  height: 480,
  durationMs: null,
  sendState: 'sent',
  error: null,
  mediaUrl: '/media/full',
  thumbnailUrl: '/media/thumb',
  ...extra,
});

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const show = (item: Media, bridge = createFakeBridge()) => {
  const app = createTestApp(bridge);
  view = render(<MediaItem item={item} roomId="!r:x" continuation={false} />, app.stores);
  return { view, app, bridge };
};

describe('MediaItem', () => {
  it('shows an image by its thumbnail with the caption, and opens it full size', async () => {
    const { view } = show(media({ caption: 'Rapat anggota' }));
    expect(view.byTestId('media-image').getAttribute('src')).toBe('/media/thumb');
    expect(view.byTestId('media-caption').textContent).toBe('Rapat anggota');
    expect(view.byTestId('media-open').getAttribute('aria-label')).toBe('Buka foto.jpg dalam ukuran penuh');
    await click(view.byTestId('media-open'));
    expect(document.querySelector('[data-testid="media-viewer-image"]')?.getAttribute('src')).toBe('/media/full');
  });

  it('shows the full image when there is no thumbnail', () => {
    const { view } = show(media({ thumbnailUrl: null }));
    expect(view.byTestId('media-image').getAttribute('src')).toBe('/media/full');
  });

  it('shows a file with its name and size and downloads it on request', async () => {
    const bridge = createFakeBridge();
    bridge.handle('media:save', () => ok({ saved: true }));
    const { view } = show(media({ msgtype: 'file', filename: 'laporan.pdf', mimetype: 'application/pdf', size: 1536, thumbnailUrl: null }), bridge);
    expect(view.byTestId('media-filename').textContent).toBe('laporan.pdf');
    expect(view.container.textContent).toContain('1,5 KB');
    await click(view.byTestId('media-download'));
    expect(bridge.callsTo('media:save')).toEqual([{ itemId: '$m1' }]);
  });

  it('gives audio and voice notes a player', () => {
    const { view } = show(media({ msgtype: 'voice', filename: 'v.ogg', mimetype: 'audio/ogg', durationMs: 65_000, thumbnailUrl: null }));
    expect(view.byTestId('media-audio').getAttribute('src')).toBe('/media/full');
    expect(view.container.textContent).toContain('Pesan suara');
    expect(view.container.textContent).toContain('1:05');
  });

  it('shows an upload in progress with a cancel button that cancels it in main', async () => {
    const bridge = createFakeBridge();
    bridge.handle('media:cancel', () => ok(null));
    const { view } = show(media({ id: 'txn:1', eventId: null, own: true, sendState: 'sending' }), bridge);
    act(() => {
      bridge.emit('media:progress', { roomId: '!r:x', itemId: 'txn:1', phase: 'uploading', loaded: 25, total: 100 });
    });
    expect(view.byTestId('transfer').textContent).toContain('Mengunggah… 25%');
    await click(view.byTestId('transfer-cancel'));
    expect(bridge.callsTo('media:cancel')).toEqual([{ itemId: 'txn:1' }]);
  });

  it('says why an upload failed and offers Retry', async () => {
    const bridge = createFakeBridge();
    bridge.handle('media:retry', () => ok(null));
    const { view } = show(media({ id: 'txn:1', eventId: null, own: true, sendState: 'failed', error: 'upload_failed' }), bridge);
    expect(view.byTestId('media-error').textContent).toBe('Berkas gagal diunggah. Coba lagi.');
    await click(view.byTestId('message-retry'));
    expect(bridge.callsTo('media:retry')).toEqual([{ roomId: '!r:x', itemId: 'txn:1' }]);
  });

  it('offers no Retry for a file the server will never take', () => {
    const { view } = show(media({ id: 'txn:1', eventId: null, own: true, sendState: 'failed', error: 'file_too_large' }));
    expect(view.allByTestId('message-retry')).toEqual([]);
    expect(view.allByTestId('media-discard')).toHaveLength(1);
  });
});
