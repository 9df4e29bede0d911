import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserSaver } from './browser-save.ts';

const bytes = new TextEncoder().encode('%PDF-1.4 isi');

const serve = (): void => {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(bytes, { headers: { 'content-length': String(bytes.length) } })));
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createBrowserSaver', () => {
  it('streams into the file the save picker gave, with progress', async () => {
    serve();
    const written: Uint8Array[] = [];
    let closed = false;
    const picked: string[] = [];
    const win = {
      showSaveFilePicker: ({ suggestedName }: { suggestedName: string }) => {
        picked.push(suggestedName);
        return Promise.resolve({
          createWritable: () =>
            Promise.resolve({
              write: (data: Uint8Array) => {
                written.push(data);
                return Promise.resolve();
              },
              close: () => {
                closed = true;
                return Promise.resolve();
              },
              abort: () => Promise.resolve(),
            }),
        });
      },
    } as unknown as Window;
    const progress: number[] = [];
    await createBrowserSaver(win).save({
      url: '/media/t',
      filename: 'laporan.pdf',
      mimetype: null,
      signal: new AbortController().signal,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(picked).toEqual(['laporan.pdf']);
    expect(new TextDecoder().decode(new Uint8Array(written.flatMap((chunk) => [...chunk])))).toBe('%PDF-1.4 isi');
    expect(closed).toBe(true);
    expect(progress.at(-1)).toBe(bytes.length);
  });

  it('falls back to a download link with the file name', async () => {
    serve();
    const clicked: { href: string; download: string }[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined }));
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click(this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    try {
      await createBrowserSaver(window).save({
        url: '/media/t',
        filename: 'laporan.pdf',
        mimetype: null,
        signal: new AbortController().signal,
        onProgress: () => undefined,
      });
    } finally {
      spy.mockRestore();
    }
    expect(clicked).toEqual([{ href: 'blob:x', download: 'laporan.pdf' }]);
  });
});
