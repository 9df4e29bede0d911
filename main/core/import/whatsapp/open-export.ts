/**
 * Opening what a member picked as "WhatsApp export": a plain chat .txt or a zip with the
 * chat text and media. The kind is sniffed from the first bytes, never from the extension
 * (a .txt renamed .zip opens as text). Every refusal is an `ExportError`.
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { decodeText, splitLines } from './decode-text.ts';
import { ExportError, isExportError } from './export-error.ts';
import { chatNameFromFileName, isChatFileName, baseName } from './export-file-names.ts';
import { withDefaults, type ExportLimits } from './export-limits.ts';
import type { DateOrder, MediaMatch, ParsedExport, ParseOptions } from './export-model.ts';
import { matchHeader } from './header-line.ts';
import { matchMedia } from './media-match.ts';
import { parse } from './parse-export.ts';
import { isUnsafeFileName } from './safe-file-name.ts';
import { openZip, startsLikeZip, type ZipArchive } from './read-zip.ts';

export type ReadChat = {
  readonly parsed: ParsedExport;
  readonly media: MediaMatch;
};

type ExportBase = ReadChat & {
  /** The file the member picked, without its folder. */
  readonly fileName: string;
  /**
   * SHA-256 (hex) of the chat text as stored: the .txt itself, or the chat entry of a zip.
   * The same chat exported again, as .txt or in a zip, has the same fingerprint.
   */
  readonly fingerprint: string;
  /** Parses the same text again, e.g. with the date order the member confirmed. */
  reparse(options: { readonly dateOrder?: DateOrder }): ReadChat;
};

export type TextExport = ExportBase & { readonly kind: 'txt' };

export type ZipExport = ExportBase & {
  readonly kind: 'zip';
  /** The archive entry the chat text came from. */
  readonly chatFileName: string;
  /** Every file of the archive except the chat text. */
  mediaEntries(): { fileName: string; size: number }[];
  /** One entry by exact name, into memory, within the media cap. */
  readMedia(fileName: string): Promise<Buffer>;
  close(): Promise<void>;
};

export type OpenedExport = TextExport | ZipExport;

export type OpenOptions = {
  /** After `several_chat_files`: the entry the member chose. */
  readonly chatFileName?: string;
  readonly dateOrder?: DateOrder;
};

/** Enough of a text to find a header line: exports start with one. */
const SNIFF_BYTES = 64 * 1024;

const readFirstBytes = async (filePath: string, count: number): Promise<Buffer> => {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const looksLikeChatText = (head: Uint8Array): boolean => !head.includes(0) && splitLines(decodeText(head)).lines.some((line) => matchHeader(line) !== null);

const readChat = (text: string, options: ParseOptions, available: ReadonlyMap<string, number>): ReadChat => {
  const parsed = parse(text, options);
  const { match, skipped } = matchMedia(parsed.entries, available);
  return { parsed: { ...parsed, skipped: [...parsed.skipped, ...skipped] }, media: match };
};

const openText = async (filePath: string, size: number, limits: ExportLimits, options: OpenOptions): Promise<TextExport> => {
  if (size > limits.maxChatTextBytes) {
    throw new ExportError('entry_too_large', `${size} bytes of chat text`);
  }
  const bytes = await readFirstBytes(filePath, size);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    throw new ExportError('not_an_export', 'binary data, not a zip');
  }
  const text = decodeText(bytes);
  const fileName = baseName(filePath);
  const read = (dateOrder: DateOrder | undefined): ReadChat => readChat(text, { fileName, ...(dateOrder === undefined ? {} : { dateOrder }) }, new Map());
  return { kind: 'txt', fileName, fingerprint: sha256(bytes), ...read(options.dateOrder), reparse: ({ dateOrder }) => read(dateOrder) };
};

/**
 * The chat text of an archive. Names first (`_chat.txt`, `WhatsApp Chat with …`, any
 * `*chat*.txt`), each confirmed by content, so an attached `chat-notes.txt` without header
 * lines does not count; with no such name, any .txt whose content looks like an export (a
 * renamed chat). A note like `catatan.txt` fails both tests. Two or more left: the member chooses.
 */
const chooseChatFile = async (archive: ZipArchive, chosen: string | undefined): Promise<string> => {
  const texts = archive.entries.filter(({ name }) => name.toLowerCase().endsWith('.txt'));
  if (chosen !== undefined) {
    if (!texts.some(({ name }) => name === chosen)) {
      throw new ExportError('no_chat_file', `no text entry named ${chosen}`);
    }
    return chosen;
  }
  const confirmed = async (names: readonly string[]): Promise<string[]> => {
    const result: string[] = [];
    for (const name of names) {
      if (looksLikeChatText(await archive.readHead(name, SNIFF_BYTES))) {
        result.push(name);
      }
    }
    return result;
  };
  const byName = texts.filter(({ name }) => isChatFileName(name)).map(({ name }) => name);
  let candidates = await confirmed(byName);
  if (candidates.length === 0) {
    candidates = await confirmed(texts.filter(({ name }) => !byName.includes(name)).map(({ name }) => name));
  }
  const [only] = candidates;
  if (only === undefined) {
    throw new ExportError('no_chat_file', 'no chat text (.txt) in the archive');
  }
  if (candidates.length > 1) {
    throw new ExportError('several_chat_files', candidates.join(', '), candidates);
  }
  return only;
};

const openArchive = async (filePath: string, limits: ExportLimits, options: OpenOptions): Promise<ZipExport> => {
  const archive = await openZip(filePath, limits);
  try {
    const chatFileName = await chooseChatFile(archive, options.chatFileName);
    const chatBytes = await archive.read(chatFileName, limits.maxChatTextBytes);
    const text = decodeText(chatBytes);
    const zipName = baseName(filePath);
    // `WhatsApp Chat with X.txt` names the chat; `_chat.txt` does not, its zip does.
    const fileName = chatNameFromFileName(chatFileName) === null ? zipName : chatFileName;
    const media = archive.entries.filter(({ name }) => name !== chatFileName);
    const available = new Map(media.map(({ name, size }) => [name, size]));
    const read = (dateOrder: DateOrder | undefined): ReadChat => readChat(text, { fileName, ...(dateOrder === undefined ? {} : { dateOrder }) }, available);
    return {
      kind: 'zip',
      fileName: zipName,
      fingerprint: sha256(chatBytes),
      chatFileName,
      ...read(options.dateOrder),
      reparse: ({ dateOrder }) => read(dateOrder),
      mediaEntries: () => media.map(({ name, size }) => ({ fileName: name, size })),
      readMedia: async (name) => {
        if (isUnsafeFileName(name)) {
          throw new ExportError('unsafe_entry_name', name);
        }
        if (!available.has(name)) {
          throw new ExportError('entry_not_found', name);
        }
        return archive.read(name, limits.maxMediaBytes);
      },
      close: () => {
        archive.close();
        return Promise.resolve();
      },
    };
  } catch (error) {
    archive.close();
    throw error;
  }
};

export const openExport = async (filePath: string, limits?: Partial<ExportLimits>, options: OpenOptions = {}): Promise<OpenedExport> => {
  const effective = withDefaults(limits);
  let head: Buffer;
  let size: number;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      throw new ExportError('unreadable', `${baseName(filePath)} is not a file`);
    }
    size = info.size;
    head = await readFirstBytes(filePath, 4);
  } catch (error) {
    throw isExportError(error) ? error : new ExportError('unreadable', error instanceof Error ? error.message : String(error));
  }
  return startsLikeZip(head) ? openArchive(filePath, effective, options) : openText(filePath, size, effective, options);
};
