/**
 * Reading a WhatsApp export, safely: what the rest of the app uses. `openExport` for a file
 * the member picked, `parse` for text already in memory, `toEpochMs` once the member's zone
 * is known. Everything else in this folder is internal.
 */
export { ExportError, isExportError, type ExportErrorCode } from './export-error.ts';
export { DEFAULT_EXPORT_LIMITS, type ExportLimits } from './export-limits.ts';
export type * from './export-model.ts';
export { openExport, type OpenedExport, type OpenOptions, type ReadChat, type TextExport, type ZipExport } from './open-export.ts';
export { parse, parseBytes } from './parse-export.ts';
export { toEpochMs } from './time-zone.ts';
