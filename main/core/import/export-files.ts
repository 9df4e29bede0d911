/**
 * Where an export lives while it is imported. The file the member
 * picked is moved from the uploads folder into `<profile>/imports/<importId>/` under its own
 * name (the reader guesses the group's name from it), made safe first: one path segment,
 * no control characters, never a name of ours.
 */
import { RembukError, type ErrorCode } from '../../../shared/ipc/errors.ts';
import { ExportError, type ExportErrorCode } from './whatsapp/export-error.ts';
import { JOB_FILE } from './import-checkpoint.ts';

const MAX_NAME_LENGTH = 200;

export const safeExportName = (name: string): string => {
  const last = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // Control characters and the separators of any file system we run on.
  const clean = last
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .trim()
    .slice(0, MAX_NAME_LENGTH);
  return clean === '' || clean === '.' || clean === '..' || clean === JOB_FILE || clean.startsWith('.') ? 'export' : clean;
};

/** Every refusal of the reader as the code the member reads a message for. */
const EXPORT_ERRORS: Readonly<Record<ExportErrorCode, ErrorCode>> = {
  unreadable: 'export_unreadable',
  not_an_export: 'export_not_an_export',
  corrupt_zip: 'export_corrupt_zip',
  no_chat_file: 'export_no_chat_file',
  several_chat_files: 'export_several_chat_files',
  unsafe_entry_name: 'export_unsafe_entry_name',
  symlink_entry: 'export_symlink_entry',
  encrypted_entry: 'export_encrypted_entry',
  nested_zip: 'export_nested_zip',
  duplicate_entry: 'export_duplicate_entry',
  too_many_entries: 'export_too_many_entries',
  total_too_large: 'export_total_too_large',
  entry_too_large: 'export_entry_too_large',
  ratio_too_high: 'export_ratio_too_high',
  unsupported_compression: 'export_unsupported_compression',
  unsupported_calendar: 'export_unsupported_calendar',
  entry_not_found: 'export_entry_not_found',
};

export const exportErrorCode = (code: ExportErrorCode): ErrorCode => EXPORT_ERRORS[code];

export const toImportError = (error: unknown): RembukError => {
  if (error instanceof ExportError) {
    return new RembukError(exportErrorCode(error.code), error.detail);
  }
  if (error instanceof RembukError) {
    return error;
  }
  return new RembukError('internal', error instanceof Error ? error.message : String(error));
};
