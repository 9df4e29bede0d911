import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type {
  DateOrder,
  ImportJob,
  ImportOpenResult,
  ImportPreview,
  ImportStartInput,
  JoinLinkResult,
  KnockRequest,
  MatrixUser,
  RoomLink,
} from '../../../../shared/model/import.ts';
import { UploadError, uploadFile, type UploadableFile } from '../../lib/upload.ts';

/** Where the import pane is: picking a file, choosing its chat, looking at the preview, or following an import. */
export type ImportStep = 'pick' | 'uploading' | 'chooseChat' | 'preview' | 'job';

export type ImportState = {
  /** The import pane covers the open room while this is true. */
  open: boolean;
  step: ImportStep;
  upload: { sent: number; total: number } | null;
  /** An archive with several chats: the ones to pick from. */
  choice: { importId: string; fileName: string; candidates: string[] } | null;
  preview: ImportPreview | null;
  /** Every import main knows of, newest last. */
  jobs: ImportJob[];
  /** The import the pane follows. */
  jobId: string | null;
  busy: boolean;
  error: ErrorCode | null;
};

export type ImportStore = {
  store: StoreApi<ImportState>;
  /** Opens the pane: the running import if there is one, else the file picker. */
  show: () => void;
  /** Follows an import (from the sidebar's progress line). */
  showJob: (importId: string) => void;
  hide: () => void;
  /** Signed in: the imports main has (one may be going on from before a restart). */
  start: () => Promise<void>;
  reset: () => void;
  /** Uploads the picked file to main and opens it there. */
  pickFile: (file: UploadableFile) => Promise<void>;
  chooseChat: (chatFileName: string) => Promise<void>;
  setDateOrder: (order: DateOrder) => Promise<void>;
  checkUser: (userId: string) => Promise<IpcResult<MatrixUser>>;
  begin: (input: Omit<ImportStartInput, 'importId'>) => Promise<void>;
  /** Drops the preview (and its file in main) and goes back to the picker. */
  dropPreview: () => Promise<void>;
  pause: (importId: string) => Promise<IpcResult<null>>;
  resume: (importId: string) => Promise<IpcResult<null>>;
  cancel: (importId: string) => Promise<IpcResult<null>>;
  /** Forgets a finished import and goes back to the picker. */
  discard: (importId: string) => Promise<IpcResult<null>>;
  link: (roomId: string) => Promise<IpcResult<RoomLink>>;
  knocks: (roomId: string) => Promise<IpcResult<KnockRequest[]>>;
  letIn: (roomId: string, userId: string) => Promise<IpcResult<null>>;
  joinLink: (link: string) => Promise<IpcResult<JoinLinkResult>>;
  dispose: () => void;
};

const initial = (): ImportState => ({
  open: false,
  step: 'pick',
  upload: null,
  choice: null,
  preview: null,
  jobs: [],
  jobId: null,
  busy: false,
  error: null,
});

/** An import that is not over: the one the pane shows first, and the reason a second cannot start. */
export const isActive = (job: ImportJob): boolean => !['done', 'cancelled', 'preview'].includes(job.phase);

export const activeJob = (state: ImportState): ImportJob | null => state.jobs.find(isActive) ?? null;

export const createImportStore = (bridge: Bridge): ImportStore => {
  const store = createStore<ImportState>(initial);
  let generation = 0;
  let uploadAbort: AbortController | null = null;

  const upsert = (job: ImportJob): void => {
    const jobs = store.getState().jobs;
    const index = jobs.findIndex((known) => known.importId === job.importId);
    store.setState({ jobs: index < 0 ? [...jobs, job] : jobs.map((known, at) => (at === index ? job : known)) });
  };

  const opened = (result: IpcResult<ImportOpenResult>): void => {
    if (!result.ok) {
      store.setState({ busy: false, error: result.error.code, step: store.getState().preview === null ? 'pick' : 'preview' });
      return;
    }
    const value = result.value;
    if (value.kind === 'chooseChat') {
      store.setState({
        busy: false,
        error: null,
        step: 'chooseChat',
        choice: { importId: value.importId, fileName: value.fileName, candidates: value.candidates },
      });
      return;
    }
    store.setState({ busy: false, error: null, step: 'preview', choice: null, preview: value.preview });
  };

  const load = async (): Promise<void> => {
    const asked = generation;
    const result = await bridge.invoke('import:list', {});
    if (asked !== generation || !result.ok) {
      return;
    }
    store.setState({ jobs: result.value });
  };

  const stopChanged = bridge.on('import:changed', (job) => {
    upsert(job);
  });

  const afterChange = async (result: IpcResult<null>): Promise<IpcResult<null>> => {
    await load();
    return result;
  };

  return {
    store,
    show: () => {
      const state = store.getState();
      const active = activeJob(state);
      if (active !== null && state.preview === null) {
        store.setState({ open: true, step: 'job', jobId: active.importId });
        return;
      }
      store.setState({ open: true });
    },
    showJob: (importId) => {
      store.setState({ open: true, step: 'job', jobId: importId });
    },
    hide: () => {
      store.setState({ open: false });
    },
    start: load,
    reset: () => {
      generation += 1;
      uploadAbort?.abort();
      store.setState(initial());
    },
    pickFile: async (file) => {
      uploadAbort?.abort();
      const controller = new AbortController();
      uploadAbort = controller;
      store.setState({ step: 'uploading', upload: { sent: 0, total: file.size }, error: null, busy: true, preview: null, choice: null });
      let uploadId: string;
      try {
        uploadId = await uploadFile(bridge, file, {
          signal: controller.signal,
          onProgress: (sent, total) => {
            store.setState({ upload: { sent, total } });
          },
        });
      } catch (error) {
        store.setState({
          step: 'pick',
          busy: false,
          upload: null,
          error: error instanceof UploadError ? error.code : controller.signal.aborted ? null : 'upload_failed',
        });
        return;
      }
      opened(await bridge.invoke('import:open', { uploadId }));
    },
    chooseChat: async (chatFileName) => {
      const choice = store.getState().choice;
      if (choice === null) {
        return;
      }
      store.setState({ busy: true, error: null });
      opened(await bridge.invoke('import:reparse', { importId: choice.importId, chatFileName }));
    },
    setDateOrder: async (dateOrder) => {
      const preview = store.getState().preview;
      if (preview === null) {
        return;
      }
      store.setState({ busy: true, error: null });
      opened(await bridge.invoke('import:reparse', { importId: preview.importId, dateOrder }));
    },
    checkUser: (userId) => bridge.invoke('import:checkUser', { userId }),
    begin: async (input) => {
      const preview = store.getState().preview;
      if (preview === null) {
        return;
      }
      store.setState({ busy: true, error: null });
      const result = await bridge.invoke('import:start', { ...input, importId: preview.importId });
      if (!result.ok) {
        store.setState({ busy: false, error: result.error.code });
        return;
      }
      upsert(result.value);
      store.setState({ busy: false, preview: null, step: 'job', jobId: result.value.importId });
    },
    dropPreview: async () => {
      const { preview, choice } = store.getState();
      const importId = preview?.importId ?? choice?.importId;
      store.setState({ preview: null, choice: null, step: 'pick', error: null });
      if (importId !== undefined) {
        await bridge.invoke('import:discard', { importId });
      }
    },
    pause: async (importId) => afterChange(await bridge.invoke('import:pause', { importId })),
    resume: async (importId) => afterChange(await bridge.invoke('import:resume', { importId })),
    cancel: async (importId) => afterChange(await bridge.invoke('import:cancel', { importId })),
    discard: async (importId) => {
      const result = await bridge.invoke('import:discard', { importId });
      if (result.ok) {
        store.setState({ jobs: store.getState().jobs.filter((job) => job.importId !== importId), jobId: null, step: 'pick' });
      }
      return result;
    },
    link: (roomId) => bridge.invoke('room:link', { roomId }),
    knocks: (roomId) => bridge.invoke('room:knocks', { roomId }),
    letIn: (roomId, userId) => bridge.invoke('room:invite', { roomId, userId }),
    joinLink: (link) => bridge.invoke('room:joinLink', { link }),
    dispose: () => {
      stopChanged();
      uploadAbort?.abort();
    },
  };
};
