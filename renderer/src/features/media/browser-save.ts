/** Saves a file the browser way, for the loopback transport (main has no dialog there). */
export type BrowserSaver = {
  save(options: {
    url: string;
    filename: string;
    mimetype: string | null;
    signal: AbortSignal;
    onProgress: (loaded: number, total: number) => void;
  }): Promise<void>;
};

type Writable = { write(data: Uint8Array): Promise<void>; close(): Promise<void>; abort(): Promise<void> };
type SavePicker = (this: Window, options: { suggestedName: string }) => Promise<{ createWritable(): Promise<Writable> }>;

/** Reads a response body, reporting progress against Content-Length, handing each piece on. */
const stream = async (response: Response, onProgress: (loaded: number, total: number) => void, sink: (chunk: Uint8Array) => Promise<void>): Promise<void> => {
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body?.getReader();
  if (reader === undefined) {
    throw new Error('no body');
  }
  let loaded = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      return;
    }
    loaded += value.length;
    await sink(value);
    onProgress(loaded, Math.max(total, loaded));
  }
};

/**
 * `showSaveFilePicker` where the browser has it (the file streams straight to disk; asked
 * first, while the click still counts as the member's), else a blob URL given to an
 * `<a download>`.
 */
export const createBrowserSaver = (win: Window = window): BrowserSaver => ({
  save: async ({ url, filename, signal, onProgress }) => {
    const picker = (win as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
    if (typeof picker === 'function') {
      const handle = await picker.call(win, { suggestedName: filename });
      const writable = await handle.createWritable();
      try {
        const response = await fetch(url, { signal });
        if (!response.ok) {
          throw new Error(`HTTP ${String(response.status)}`);
        }
        await stream(response, onProgress, (chunk) => writable.write(chunk));
        await writable.close();
      } catch (error) {
        await writable.abort();
        throw error;
      }
      return;
    }
    const response = await fetch(url, { signal });
    if (!response.ok) {
      throw new Error(`HTTP ${String(response.status)}`);
    }
    const parts: Uint8Array[] = [];
    await stream(response, onProgress, (chunk) => {
      parts.push(chunk);
      return Promise.resolve();
    });
    const href = URL.createObjectURL(new Blob(parts as BlobPart[]));
    const link = win.document.createElement('a');
    link.href = href;
    link.download = filename;
    link.rel = 'noopener';
    win.document.body.append(link);
    link.click();
    link.remove();
    // Late enough for the download to have started reading it.
    setTimeout(() => {
      URL.revokeObjectURL(href);
    }, 60_000);
  },
});
