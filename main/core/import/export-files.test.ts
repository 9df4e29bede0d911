import { describe, expect, it } from 'vitest';
import { errorCode } from '../../../shared/ipc/errors.ts';
import { exportErrorCode, safeExportName, toImportError } from './export-files.ts';
import { ExportError, type ExportErrorCode } from './whatsapp/export-error.ts';

const READER_CODES: ExportErrorCode[] = [
  'unreadable',
  'not_an_export',
  'corrupt_zip',
  'no_chat_file',
  'several_chat_files',
  'unsafe_entry_name',
  'symlink_entry',
  'encrypted_entry',
  'nested_zip',
  'duplicate_entry',
  'too_many_entries',
  'total_too_large',
  'entry_too_large',
  'ratio_too_high',
  'unsupported_compression',
  'unsupported_calendar',
  'entry_not_found',
];

describe('export files', () => {
  it('keeps the member file name (the group name is in it) but only as one safe path segment', () => {
    expect(safeExportName('Chat WhatsApp dengan Koperasi Tani Makmur.txt')).toBe('Chat WhatsApp dengan Koperasi Tani Makmur.txt');
    expect(safeExportName('../../etc/passwd')).toBe('passwd');
    expect(safeExportName('C:\\Users\\x\\WhatsApp Chat - Tani.zip')).toBe('WhatsApp Chat - Tani.zip');
    expect(safeExportName('..')).toBe('export');
    expect(safeExportName('job.json')).toBe('export');
    expect(safeExportName('.hidden')).toBe('export');
    expect(safeExportName('a\u0000b\nc.txt')).toBe('a_b_c.txt');
    expect(safeExportName('x'.repeat(300)).length).toBe(200);
  });

  it('gives every refusal of the reader its own error code', () => {
    const codes = READER_CODES.map(exportErrorCode);
    expect(new Set(codes).size).toBe(READER_CODES.length);
    for (const code of codes) {
      expect(errorCode.options).toContain(code);
    }
    expect(toImportError(new ExportError('corrupt_zip', 'no central directory'))).toMatchObject({
      code: 'export_corrupt_zip',
      message: 'no central directory',
    });
    expect(toImportError(new Error('boom')).code).toBe('internal');
  });
});
