import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { MediaKind, MediaProgress } from '../../../../shared/model/media.ts';
import { uploadFile, UploadError, type UploadableFile } from '../../lib/upload.ts';
import { kindOf, withType } from './media-kind.ts';
import type { MediaProbe } from './media-probe.ts';
import type { BrowserSaver } from './browser-save.ts';

/** A file the member picked, dropped or pasted, waiting in the preview for Send. */
export type StagedFile = { key: string; file: UploadableFile; kind: MediaKind; durationMs?: number };

export type Transfer = { phase: MediaProgress['phase'] | 'preparing'; loaded: number; total: number };

/** An error with what the member needs to read it (the server's limit for `file_too_large`). */
export type MediaError = { code: ErrorCode; limitBytes?: number };

export type MediaState = {
  /** The homeserver's upload limit; null when unknown (not asked yet, or the server does not say). */
  maxUploadBytes: number | null;
  staged: { roomId: string; files: StagedFile[]; caption: string } | null;
  /** Files on their way from this window to main, before they have an item in the timeline. */
  preparing: { key: string; name: string; loaded: number; total: number }[];
  /** Uploads and downloads by item id, from `media:progress` and our own downloads. */
  transfers: Record<string, Transfer>;
  error: MediaError | null;
};

export type MediaStore = {
  store: StoreApi<MediaState>;
  loadConfig: () => Promise<void>;
  /** Puts files in the preview; voice: they are voice notes. Refuses a file over the limit at once. */
  stage: (roomId: string, files: readonly UploadableFile[], options?: { voice?: boolean; durationMs?: number }) => void;
  setCaption: (caption: string) => void;
  setVoice: (key: string, voice: boolean) => void;
  unstage: () => void;
  /** Sends what is staged: each file to main, then `media:send`. */
  send: () => Promise<void>;
  cancelPreparing: (key: string) => void;
  cancel: (itemId: string) => Promise<IpcResult<null>>;
  retry: (roomId: string, itemId: string) => Promise<IpcResult<null>>;
  /** Saves an item's file: main's save dialog where there is one, else the browser's. */
  save: (item: { id: string; mediaUrl: string | null; filename: string; mimetype: string | null }) => Promise<void>;
  clearError: () => void;
  reset: () => void;
  dispose: () => void;
};

export type MediaDeps = {
  probe: MediaProbe;
  saver: BrowserSaver;
  upload?: typeof uploadFile;
};

const initial = (): MediaState => ({ maxUploadBytes: null, staged: null, preparing: [], transfers: {}, error: null });

let nextKey = 0;

/**
 * Attachments in this window: the preview before sending (with a caption, and voice notes
 * marked as such), the trip of each file to main, the progress of uploads and downloads,
 * and saving. Main does the rest (encryption, the homeserver, the outbox).
 */
export const createMediaStore = (bridge: Bridge, deps: MediaDeps): MediaStore => {
  const store = createStore<MediaState>(initial);
  const upload = deps.upload ?? uploadFile;
  const controllers = new Map<string, AbortController>();
  // Electron's main has a save dialog; under the loopback transport it says `media_unsupported` once and we stop asking.
  let mainSaves = true;

  const setTransfer = (itemId: string, transfer: Transfer | null): void => {
    const others = Object.entries(store.getState().transfers).filter(([id]) => id !== itemId);
    store.setState({ transfers: Object.fromEntries(transfer === null ? others : [...others, [itemId, transfer]]) });
  };

  const stopProgress = bridge.on('media:progress', (progress) => {
    // Finished, or of unknown size (total 0): no bar to show.
    const done = progress.loaded >= progress.total;
    setTransfer(progress.itemId, done ? null : { phase: progress.phase, loaded: progress.loaded, total: progress.total });
  });

  const loadConfig = async (): Promise<void> => {
    const result = await bridge.invoke('media:config', {});
    if (result.ok) {
      store.setState({ maxUploadBytes: result.value.maxUploadBytes });
    }
  };

  const tooLarge = (files: readonly UploadableFile[]): MediaError | null => {
    const limit = store.getState().maxUploadBytes;
    return limit !== null && files.some((file) => file.size > limit) ? { code: 'file_too_large', limitBytes: limit } : null;
  };

  const stage = (roomId: string, files: readonly UploadableFile[], options: { voice?: boolean; durationMs?: number } = {}): void => {
    if (files.length === 0) {
      return;
    }
    const refused = tooLarge(files);
    if (refused !== null) {
      // Refused before a byte leaves the window: the member learns the limit at once.
      store.setState({ error: refused });
      return;
    }
    const current = store.getState().staged;
    const added = files.map((file): StagedFile => {
      const kind = options.voice === true ? 'voice' : kindOf(file);
      return { key: `f${String(++nextKey)}`, file: withType(file, kind), kind, durationMs: options.durationMs };
    });
    store.setState({
      error: null,
      staged: current !== null && current.roomId === roomId ? { ...current, files: [...current.files, ...added] } : { roomId, files: added, caption: '' },
    });
  };

  const setCaption = (caption: string): void => {
    const staged = store.getState().staged;
    if (staged !== null) {
      store.setState({ staged: { ...staged, caption } });
    }
  };

  const setVoice = (key: string, voice: boolean): void => {
    const staged = store.getState().staged;
    if (staged !== null) {
      const files = staged.files.map((item) => (item.key === key ? { ...item, kind: voice ? ('voice' as const) : kindOf(item.file) } : item));
      store.setState({ staged: { ...staged, files } });
    }
  };

  const unstage = (): void => {
    store.setState({ staged: null, error: null });
  };

  const setPreparing = (key: string, entry: { name: string; loaded: number; total: number } | null): void => {
    const others = store.getState().preparing.filter((item) => item.key !== key);
    store.setState({ preparing: entry === null ? others : [...others, { key, ...entry }] });
  };

  /** One staged file: its dimensions, thumbnail and duration found here, its bytes to main, then sent. */
  const sendOne = async (roomId: string, staged: StagedFile, caption: string | undefined): Promise<ErrorCode | null> => {
    const controller = new AbortController();
    controllers.set(staged.key, controller);
    const { file } = staged;
    setPreparing(staged.key, { name: file.name, loaded: 0, total: file.size });
    try {
      const image = staged.kind === 'image' ? await deps.probe.image(file) : null;
      // A picture the browser cannot decode (HEIC, say) still goes, as a file.
      const kind = staged.kind === 'image' && image === null ? 'file' : staged.kind;
      const durationMs = staged.durationMs ?? (kind === 'audio' || kind === 'voice' || kind === 'video' ? await deps.probe.duration(file) : null);
      const thumbnailUploadId = image === null || image.thumbnail === null ? undefined : await upload(bridge, image.thumbnail, { signal: controller.signal });
      const uploadId = await upload(bridge, file, {
        signal: controller.signal,
        onProgress: (loaded, total) => {
          setPreparing(staged.key, { name: file.name, loaded, total });
        },
      });
      const result = await bridge.invoke('media:send', {
        roomId,
        uploadId,
        kind,
        caption,
        width: image?.width,
        height: image?.height,
        durationMs: durationMs === null ? undefined : Math.round(durationMs),
        thumbnailUploadId,
      });
      return result.ok ? null : result.error.code;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        return null;
      }
      return error instanceof UploadError ? error.code : 'upload_failed';
    } finally {
      controllers.delete(staged.key);
      setPreparing(staged.key, null);
    }
  };

  const send = async (): Promise<void> => {
    const { staged } = store.getState();
    if (staged === null) {
      return;
    }
    const refused = tooLarge(staged.files.map((item) => item.file));
    if (refused !== null) {
      store.setState({ error: refused });
      return;
    }
    store.setState({ staged: null, error: null });
    const caption = staged.caption.trim() === '' ? undefined : staged.caption.trim();
    // In order, so they arrive as they were picked; the caption goes with the first.
    for (const [index, item] of staged.files.entries()) {
      const code = await sendOne(staged.roomId, item, index === 0 ? caption : undefined);
      if (code !== null) {
        store.setState({ error: code === 'file_too_large' ? { code, limitBytes: store.getState().maxUploadBytes ?? undefined } : { code } });
      }
    }
  };

  const cancelPreparing = (key: string): void => {
    controllers.get(key)?.abort();
  };

  const cancel = async (itemId: string): Promise<IpcResult<null>> => {
    controllers.get(itemId)?.abort();
    setTransfer(itemId, null);
    return bridge.invoke('media:cancel', { itemId });
  };

  const retry = (roomId: string, itemId: string): Promise<IpcResult<null>> => bridge.invoke('media:retry', { roomId, itemId });

  const save = async (item: { id: string; mediaUrl: string | null; filename: string; mimetype: string | null }): Promise<void> => {
    store.setState({ error: null });
    if (mainSaves) {
      const result = await bridge.invoke('media:save', { itemId: item.id });
      if (result.ok) {
        return;
      }
      if (result.error.code !== 'media_unsupported') {
        store.setState({ error: { code: result.error.code } });
        return;
      }
      mainSaves = false;
    }
    if (item.mediaUrl === null) {
      store.setState({ error: { code: 'download_failed' } });
      return;
    }
    const controller = new AbortController();
    controllers.set(item.id, controller);
    try {
      await deps.saver.save({
        url: item.mediaUrl,
        filename: item.filename,
        mimetype: item.mimetype,
        signal: controller.signal,
        onProgress: (loaded, total) => {
          setTransfer(item.id, { phase: 'downloading', loaded, total });
        },
      });
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        store.setState({ error: { code: 'download_failed' } });
      }
    } finally {
      controllers.delete(item.id);
      setTransfer(item.id, null);
    }
  };

  const reset = (): void => {
    for (const controller of controllers.values()) {
      controller.abort();
    }
    store.setState(initial());
  };

  return {
    store,
    loadConfig,
    stage,
    setCaption,
    setVoice,
    unstage,
    send,
    cancelPreparing,
    cancel,
    retry,
    save,
    clearError: () => {
      store.setState({ error: null });
    },
    reset,
    dispose: () => {
      reset();
      stopProgress();
    },
  };
};
