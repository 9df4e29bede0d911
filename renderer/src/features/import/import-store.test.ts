import { describe, expect, it } from 'vitest';
import type { ImportJob, ImportPreview } from '../../../../shared/model/import.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { activeJob, createImportStore } from './import-store.ts';

const preview: ImportPreview = {
  importId: 'a'.repeat(32),
  fileName: 'chat.zip',
  format: 'android',
  groupName: 'Koperasi Tani Makmur',
  dateRange: null,
  dateOrder: { order: 'dmy', ambiguous: true, samples: [] },
  counts: { events: 18, messages: 17, system: 1, media: 11, mediaBytes: 1000, mediaMissing: 1, deleted: 0, edited: 0 },
  participants: [{ name: 'Budi', messageCount: 3 }],
  skipped: [],
};

const job = (phase: ImportJob['phase'], done = 0): ImportJob => ({
  importId: preview.importId,
  fileName: 'chat.zip',
  phase,
  roomId: '!r:hs',
  roomName: 'Koperasi Tani Makmur',
  newRoom: true,
  total: 18,
  done,
  mediaTotal: 11,
  mediaDone: 0,
  ratePerSecond: null,
  etaMs: null,
  waitingUntil: null,
  error: null,
  startedAt: 1,
  finishedAt: null,
});

const file = (): File => new File(['12/01/24 08.00 - Budi: Halo\n'], 'chat.txt', { type: 'text/plain' });

describe('import store', () => {
  it('uploads the picked file, opens it in main and shows the preview', async () => {
    const bridge = createFakeBridge();
    bridge.handle('upload:begin', () => ok({ uploadId: 'b'.repeat(32) }));
    bridge.handle('upload:chunk', (input) => ok({ received: input.offset + 28 }));
    bridge.handle('import:open', () => ok({ kind: 'preview', preview }));
    const imports = createImportStore(bridge);
    await imports.pickFile(file());
    expect(imports.store.getState()).toMatchObject({ step: 'preview', preview, error: null });
    expect(bridge.callsTo('import:open')).toEqual([{ uploadId: 'b'.repeat(32) }]);
  });

  it("shows main's refusal in the picker", async () => {
    const bridge = createFakeBridge();
    bridge.handle('upload:begin', () => ok({ uploadId: 'b'.repeat(32) }));
    bridge.handle('upload:chunk', () => ok({ received: 28 }));
    bridge.handle('import:open', () => ({ ok: false, error: { code: 'export_not_an_export' } }));
    const imports = createImportStore(bridge);
    await imports.pickFile(file());
    expect(imports.store.getState()).toMatchObject({ step: 'pick', error: 'export_not_an_export' });
  });

  it('asks which chat of an archive, then previews the chosen one', async () => {
    const bridge = createFakeBridge();
    bridge.handle('upload:begin', () => ok({ uploadId: 'b'.repeat(32) }));
    bridge.handle('upload:chunk', () => ok({ received: 28 }));
    bridge.handle('import:open', () => ok({ kind: 'chooseChat', importId: preview.importId, fileName: 'two.zip', candidates: ['_chat.txt', 'b.txt'] }));
    bridge.handle('import:reparse', () => ok({ kind: 'preview', preview }));
    const imports = createImportStore(bridge);
    await imports.pickFile(file());
    expect(imports.store.getState().step).toBe('chooseChat');
    await imports.chooseChat('_chat.txt');
    expect(bridge.callsTo('import:reparse')).toEqual([{ importId: preview.importId, chatFileName: '_chat.txt' }]);
    expect(imports.store.getState().step).toBe('preview');
  });

  it("starts the import and follows its progress from main's events", async () => {
    const bridge = createFakeBridge();
    bridge.handle('import:open', () => ok({ kind: 'preview', preview }));
    bridge.handle('upload:begin', () => ok({ uploadId: 'b'.repeat(32) }));
    bridge.handle('upload:chunk', () => ok({ received: 28 }));
    bridge.handle('import:start', () => ok(job('preparing')));
    const imports = createImportStore(bridge);
    await imports.pickFile(file());
    await imports.begin({ timeZone: 'Asia/Jakarta', mapping: [], target: { kind: 'new', name: 'Koperasi Tani Makmur' } });
    expect(imports.store.getState()).toMatchObject({ step: 'job', jobId: preview.importId, preview: null });
    bridge.emit('import:changed', job('running', 5));
    await flush();
    expect(activeJob(imports.store.getState())).toMatchObject({ phase: 'running', done: 5 });
    bridge.emit('import:changed', job('done', 18));
    expect(activeJob(imports.store.getState())).toBeNull();
  });

  it('opens on the running import, and forgets everything on sign-out', async () => {
    const bridge = createFakeBridge();
    bridge.handle('import:list', () => ok([job('waiting', 3)]));
    const imports = createImportStore(bridge);
    await imports.start();
    imports.show();
    expect(imports.store.getState()).toMatchObject({ open: true, step: 'job', jobId: preview.importId });
    imports.reset();
    expect(imports.store.getState()).toMatchObject({ open: false, jobs: [], jobId: null });
    imports.dispose();
    expect(bridge.listenerCount('import:changed')).toBe(0);
  });
});
