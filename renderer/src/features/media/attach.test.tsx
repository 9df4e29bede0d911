import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { click, render, type, type Rendered } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { Composer } from '../composer/index.ts';
import { RoomView } from '../timeline/index.ts';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const ROOM = '!a:x';

const setup = async (limit: number | null = 1_000_000) => {
  const bridge = createFakeBridge();
  bridge.handle('draft:get', () => ok(''));
  bridge.handle('draft:set', () => ok(null));
  bridge.handle('media:config', () => ok({ maxUploadBytes: limit }));
  bridge.handle('upload:begin', () => ok({ uploadId: 'u'.repeat(32) }));
  bridge.handle('upload:chunk', (input) => ok({ received: atob(input.data).length }));
  bridge.handle('media:send', () => ok({ itemId: 'txn:1' }));
  const app = createTestApp(bridge, 'open', {
    mediaProbe: { image: () => Promise.resolve(null), duration: () => Promise.resolve(null) },
  });
  await app.stores.composer.load(ROOM);
  return { bridge, app };
};

const pick = async (input: HTMLElement, files: File[]): Promise<void> => {
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
  });
};

/** A DataTransfer look-alike: jsdom has none. */
const transfer = (files: File[]) => ({ files, items: [], types: files.length > 0 ? ['Files'] : ['text/plain'] });

describe('attaching from the composer', () => {
  it('picks files into the preview, takes a caption, and sends', async () => {
    const { bridge, app } = await setup();
    view = render(<RoomView roomId={ROOM} />, app.stores);
    await act(flush);
    await pick(view.byTestId('attach-input'), [new File(['%PDF'], 'laporan.pdf', { type: 'application/pdf' })]);
    expect(view.byTestId('staged-file').textContent).toContain('laporan.pdf');
    type(view.byTestId('attachment-caption'), 'Laporan bulan ini');
    await click(view.byTestId('attachment-send'));
    await act(flush);
    expect(bridge.callsTo('media:send')).toEqual([expect.objectContaining({ roomId: ROOM, kind: 'file', caption: 'Laporan bulan ini' })]);
    expect(view.allByTestId('attachment-preview')).toEqual([]);
  });

  it('sends audio from the voice picker as a voice note', async () => {
    const { app } = await setup();
    view = render(<RoomView roomId={ROOM} />, app.stores);
    await pick(view.byTestId('voice-input'), [new File(['OggS'], 'sample.opus', { type: '' })]);
    expect(view.byTestId('staged-file').dataset.kind).toBe('voice');
    expect((view.byTestId('staged-voice') as HTMLInputElement).checked).toBe(true);
  });

  it('refuses a file over the limit with the limit in MB, before anything goes to main', async () => {
    const { bridge, app } = await setup(10 * 1024 * 1024);
    view = render(<RoomView roomId={ROOM} />, app.stores);
    await act(flush);
    await pick(view.byTestId('attach-input'), [new File([new Uint8Array(11 * 1024 * 1024)], 'besar.bin')]);
    expect(view.byTestId('media-error').textContent).toContain('Berkas ini terlalu besar. Server ini menerima berkas hingga 10 MB.');
    expect(view.allByTestId('attachment-preview')).toEqual([]);
    expect(bridge.callsTo('upload:begin')).toEqual([]);
  });

  it('takes a pasted image into the preview, and leaves pasted text to the text box', async () => {
    const { app } = await setup();
    view = render(<Composer />, app.stores);
    const input = view.byTestId('composer');
    const paste = (data: ReturnType<typeof transfer>): boolean => {
      const event = new Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'clipboardData', { value: data });
      act(() => {
        input.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    expect(paste(transfer([]))).toBe(false);
    expect(app.stores.media.store.getState().staged).toBeNull();
    expect(paste(transfer([new File(['png'], 'image.png', { type: 'image/png' })]))).toBe(true);
    expect(app.stores.media.store.getState().staged?.files.map((f) => [f.file.name, f.kind])).toEqual([['image.png', 'image']]);
  });

  it('takes files dropped on the room', async () => {
    const { app } = await setup();
    view = render(<RoomView roomId={ROOM} />, app.stores);
    const room = view.byTestId('room-view');
    const drag = (name: string, data: ReturnType<typeof transfer>): boolean => {
      const event = new Event(name, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { ...data, dropEffect: 'none' } });
      act(() => {
        room.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    const files = [new File(['x'], 'foto.jpg', { type: 'image/jpeg' })];
    expect(drag('dragenter', transfer(files))).toBe(true);
    expect(view.container.querySelector('.drop-overlay')?.textContent).toBe('Lepaskan berkas di sini untuk melampirkannya');
    expect(drag('dragover', transfer(files))).toBe(true);
    expect(drag('drop', transfer(files))).toBe(true);
    expect(view.container.querySelector('.drop-overlay')).toBeNull();
    expect(view.byTestId('staged-file').textContent).toContain('foto.jpg');
  });
});
