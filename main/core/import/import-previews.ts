/**
 * Exports that are opened and previewed but not started. They live in memory (and their
 * file in the profile) until the member starts or drops them; one left behind by a restart
 * has no checkpoint and is removed at the next start (CheckpointStore.loadAll).
 */
import { randomBytes } from 'node:crypto';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { DateOrder, ImportPreview } from '../../../shared/model/import.ts';
import type { TakenUpload } from '../uploads/uploads.ts';
import type { CheckpointStore } from './import-checkpoint.ts';
import { previewOf } from './import-preview.ts';
import { safeExportName, toImportError } from './export-files.ts';
import { ExportError } from './whatsapp/export-error.ts';
import { openExport, type OpenedExport, type ReadChat } from './whatsapp/open-export.ts';

/** An opened export, ready to be started. */
export type OpenPreview = {
  importId: string;
  exportName: string;
  /** The name the member knows the file by. */
  fileName: string;
  chatFileName: string | null;
  opened: OpenedExport;
  read: ReadChat;
  fingerprint: string;
};

/** An archive with several chats, waiting for the member to pick one. */
type PendingChoice = { importId: string; exportName: string; fileName: string; candidates: readonly string[] };

export type OpenResult = { kind: 'preview'; preview: ImportPreview } | { kind: 'chooseChat'; importId: string; fileName: string; candidates: string[] };

export class ImportPreviews {
  private readonly checkpoints: CheckpointStore;
  private readonly open = new Map<string, OpenPreview>();
  private readonly choosing = new Map<string, PendingChoice>();

  constructor(checkpoints: CheckpointStore) {
    this.checkpoints = checkpoints;
  }

  /** Moves a finished upload into its import's folder and reads it. */
  async fromUpload(upload: TakenUpload): Promise<OpenResult> {
    const importId = randomBytes(16).toString('hex');
    const folder = await this.checkpoints.makeFolder(importId);
    const exportName = safeExportName(upload.name);
    try {
      await rename(upload.path, path.join(folder, exportName));
      return await this.read(importId, exportName, upload.name, {});
    } catch (error) {
      await this.checkpoints.remove(importId);
      throw toImportError(error);
    }
  }

  /** Reads the export again: with the date order the member confirmed, or the chat they chose. */
  async reparse(importId: string, options: { dateOrder?: DateOrder; chatFileName?: string }): Promise<OpenResult> {
    const pending = this.choosing.get(importId);
    if (pending !== undefined) {
      if (options.chatFileName === undefined || !pending.candidates.includes(options.chatFileName)) {
        throw new RembukError('invalid_request', 'choose one of the chats');
      }
      this.choosing.delete(importId);
      return this.read(importId, pending.exportName, pending.fileName, options);
    }
    const preview = this.require(importId);
    if (options.dateOrder !== undefined) {
      preview.read = preview.opened.reparse({ dateOrder: options.dateOrder });
    }
    return { kind: 'preview', preview: previewOf(importId, preview.fileName, preview.read.parsed, preview.read.media) };
  }

  private async read(importId: string, exportName: string, fileName: string, options: { dateOrder?: DateOrder; chatFileName?: string }): Promise<OpenResult> {
    const filePath = path.join(this.checkpoints.folder(importId), exportName);
    let opened: OpenedExport;
    try {
      opened = await openExport(filePath, undefined, options);
    } catch (error) {
      if (error instanceof ExportError && error.code === 'several_chat_files') {
        this.choosing.set(importId, { importId, exportName, fileName, candidates: error.candidates });
        return { kind: 'chooseChat', importId, fileName, candidates: [...error.candidates] };
      }
      await this.checkpoints.remove(importId);
      throw toImportError(error);
    }
    const fingerprint = opened.fingerprint;
    const chatFileName = options.chatFileName ?? null;
    const read: ReadChat = { parsed: opened.parsed, media: opened.media };
    this.open.set(importId, { importId, exportName, fileName, chatFileName, opened, read, fingerprint });
    return { kind: 'preview', preview: previewOf(importId, fileName, read.parsed, read.media) };
  }

  require(importId: string): OpenPreview {
    const preview = this.open.get(importId);
    if (preview === undefined) {
      throw new RembukError('import_not_found');
    }
    return preview;
  }

  /** Hands an opened export over to the import that starts from it. */
  take(importId: string): OpenPreview {
    const preview = this.require(importId);
    this.open.delete(importId);
    return preview;
  }

  has(importId: string): boolean {
    return this.open.has(importId) || this.choosing.has(importId);
  }

  async discard(importId: string): Promise<void> {
    const preview = this.open.get(importId);
    this.open.delete(importId);
    this.choosing.delete(importId);
    if (preview?.opened.kind === 'zip') {
      await preview.opened.close();
    }
    await this.checkpoints.remove(importId);
  }

  async stop(): Promise<void> {
    const ids = [...this.open.keys(), ...this.choosing.keys()];
    await Promise.all(ids.map((id) => this.discard(id)));
  }
}
