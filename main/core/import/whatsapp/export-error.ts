/**
 * Every way opening or reading an export can be refused. The code is stable and meant to be
 * mapped to a translated message by the UI; `detail` is English for logs and bug reports and
 * may name an entry of the archive, so show it only as a secondary line.
 */
export type ExportErrorCode =
  /** The file cannot be read at all (missing, a folder, permission denied, handle closed). */
  | 'unreadable'
  /** Neither a zip nor a text file with WhatsApp header lines. */
  | 'not_an_export'
  /** The zip's structure is broken or truncated, or an entry does not match its header. */
  | 'corrupt_zip'
  /** A zip with no chat text in it. */
  | 'no_chat_file'
  /** A zip with two or more chat texts; `candidates` lists them for the member to choose. */
  | 'several_chat_files'
  /** An entry name with a `..` segment, an absolute path, a drive letter, a backslash or a control character. */
  | 'unsafe_entry_name'
  | 'symlink_entry'
  | 'encrypted_entry'
  /** An entry that is itself a zip, by name or by magic bytes. */
  | 'nested_zip'
  /** Two entries with the same name: which one a reference means would be a guess. */
  | 'duplicate_entry'
  | 'too_many_entries'
  /** The entries add up to more than the total cap. */
  | 'total_too_large'
  /** One entry (or a plain .txt) over its cap: media or chat text. */
  | 'entry_too_large'
  /** An entry that inflates more than the ratio cap allows (a zip bomb). */
  | 'ratio_too_high'
  /** A compression method other than stored or deflate. */
  | 'unsupported_compression'
  /** Dates in a calendar we do not read (Thai Buddhist years, Japanese eras). */
  | 'unsupported_calendar'
  /** readMedia() was asked for a name that is not a media entry of the archive. */
  | 'entry_not_found';

export class ExportError extends Error {
  readonly code: ExportErrorCode;
  readonly detail: string;
  /** For `several_chat_files`: the candidate entry names, to offer as a choice. */
  readonly candidates: readonly string[];

  constructor(code: ExportErrorCode, detail: string, candidates: readonly string[] = []) {
    super(`${code}: ${detail}`);
    this.name = 'ExportError';
    this.code = code;
    this.detail = detail;
    this.candidates = candidates;
  }
}

export const isExportError = (error: unknown): error is ExportError => error instanceof ExportError;
