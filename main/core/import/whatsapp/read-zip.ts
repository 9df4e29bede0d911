/**
 * A zip archive read defensively with yauzl 3 (reference §10): entries are listed and
 * checked before anything is inflated, and read one at a time into memory by exact name.
 * Nothing is ever written to disk, so an entry name is only ever a lookup key.
 *
 * yauzl's own name decoding would abort the listing on the first `../` name with a plain
 * Error; names are decoded here instead (`decodeStrings: false`) so each refusal gets its
 * own code. Sizes are counted here too (`validateEntrySizes: false`) for the same reason:
 * a lying header ends as `corrupt_zip`, an oversized stream as `entry_too_large` or
 * `ratio_too_high`, whichever the bytes hit first.
 */
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { ExportError, isExportError } from './export-error.ts';
import type { ExportLimits } from './export-limits.ts';
import { hasControlCharacter } from './safe-file-name.ts';

export type ZipEntryInfo = {
  /** The name used for matching: as stored, minus a folder that wraps the whole archive. */
  readonly name: string;
  readonly size: number;
  readonly compressedSize: number;
};

export type ZipArchive = {
  /** Files only: no folders, no `__MACOSX/` or `.DS_Store`. */
  readonly entries: readonly ZipEntryInfo[];
  /** The whole entry, refused past `maxBytes`, the ratio cap or its declared size. */
  read(name: string, maxBytes: number): Promise<Buffer>;
  /** At most the first `bytes` bytes (possibly a few more), for sniffing. */
  readHead(name: string, bytes: number): Promise<Buffer>;
  close(): void;
};

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const STORED = 0;
const DEFLATED = 8;

/** Unsafe even though we never extract: a name that could escape a folder must not match anything. */
const unsafeEntryNameReason = (name: string): string | null => {
  if (name === '') {
    return 'empty name';
  }
  if (name.includes('\\')) {
    return 'backslash in name';
  }
  if (name.startsWith('/')) {
    return 'absolute path';
  }
  if (/^[A-Za-z]:/.test(name)) {
    return 'drive letter';
  }
  if (name.split('/').includes('..')) {
    return '".." segment';
  }
  if (hasControlCharacter(name)) {
    return 'control character in name';
  }
  return null;
};

/** macOS "Compress" adds these; they are never part of an export. */
const isIgnored = (name: string): boolean => name.split('/').some((segment) => segment === '__MACOSX' || segment === '.DS_Store');

const isSymlink = (entry: yauzl.Entry): boolean => ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');
const EMPTY_ZIP_MAGIC = Buffer.from('PK\u0005\u0006', 'latin1');

export const startsLikeZip = (head: Uint8Array): boolean => {
  const start = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4));
  return start.equals(ZIP_MAGIC) || start.equals(EMPTY_ZIP_MAGIC);
};

/** Office, OpenDocument, e-book and app formats that are zip files inside; members share these. */
const ZIP_BASED_DOCUMENT =
  /\.(?:docx|docm|dotx|xlsx|xlsm|xltx|pptx|pptm|potx|ppsx|vsdx|odt|ods|odp|odg|ott|epub|xps|oxps|3mf|kmz|apk|jar|ipa|pages|numbers|key)$/i;

const isZipBasedDocument = (name: string): boolean => ZIP_BASED_DOCUMENT.test(name);

const corrupt = (error: unknown): ExportError =>
  isExportError(error) ? error : new ExportError('corrupt_zip', error instanceof Error ? error.message : String(error));

/** If every file sits in one top folder (a re-zipped export folder), match names without it. */
const commonFolder = (names: readonly string[]): string => {
  const first = names[0];
  const slash = first?.indexOf('/') ?? -1;
  if (first === undefined || slash <= 0) {
    return '';
  }
  const folder = first.slice(0, slash + 1);
  return names.every((name) => name.startsWith(folder) && name.length > folder.length) ? folder : '';
};

type Listed = { readonly rawName: string; readonly entry: yauzl.Entry };

const checkEntry = (entry: yauzl.Entry, rawName: string, limits: ExportLimits): void => {
  if (entry.isEncrypted()) {
    throw new ExportError('encrypted_entry', rawName);
  }
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    throw new ExportError('unsupported_compression', `${rawName}: method ${entry.compressionMethod}`);
  }
  if (entry.compressionMethod === STORED && entry.compressedSize !== entry.uncompressedSize) {
    throw new ExportError('corrupt_zip', `${rawName}: stored entry with different sizes`);
  }
  if (/\.zip$/i.test(rawName)) {
    throw new ExportError('nested_zip', rawName);
  }
  if (entry.uncompressedSize > limits.maxMediaBytes) {
    throw new ExportError('entry_too_large', `${rawName}: ${entry.uncompressedSize} bytes`);
  }
  if (entry.uncompressedSize > limits.ratioCheckFromBytes && entry.uncompressedSize > limits.maxCompressionRatio * entry.compressedSize) {
    throw new ExportError('ratio_too_high', `${rawName}: ${entry.uncompressedSize} bytes from ${entry.compressedSize}`);
  }
};

const listEntries = async (zipfile: yauzl.ZipFile, limits: ExportLimits): Promise<Listed[]> => {
  if (zipfile.entryCount > limits.maxEntries) {
    throw new ExportError('too_many_entries', `${zipfile.entryCount} entries`);
  }
  const listed: Listed[] = [];
  const seen = new Set<string>();
  let total = 0;
  for await (const entry of zipfile.eachEntry()) {
    const rawName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
    const unsafe = unsafeEntryNameReason(rawName);
    if (unsafe !== null) {
      throw new ExportError('unsafe_entry_name', `${rawName} (${unsafe})`);
    }
    if (isSymlink(entry)) {
      throw new ExportError('symlink_entry', rawName);
    }
    if (seen.has(rawName)) {
      throw new ExportError('duplicate_entry', rawName);
    }
    seen.add(rawName);
    if (rawName.endsWith('/') || isIgnored(rawName)) {
      continue;
    }
    checkEntry(entry, rawName, limits);
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) {
      throw new ExportError('total_too_large', `more than ${limits.maxTotalBytes} bytes uncompressed`);
    }
    listed.push({ rawName, entry });
  }
  return listed;
};

/**
 * Inflates one entry, counting as it goes: the cap, the ratio and the declared size are
 * enforced on the real bytes, and the CRC is checked at the end. `stopAfter` ends early (sniffing).
 */
const readEntry = async (zipfile: yauzl.ZipFile, listed: Listed, limits: ExportLimits, maxBytes: number, stopAfter: number | null): Promise<Buffer> => {
  const { entry, rawName } = listed;
  const chunks: Buffer[] = [];
  let total = 0;
  let crc = 0;
  let stream: Awaited<ReturnType<yauzl.ZipFile['openReadStreamPromise']>> | null = null;
  try {
    stream = await zipfile.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new ExportError('entry_too_large', `${rawName}: more than ${maxBytes} bytes`);
      }
      if (total > limits.ratioCheckFromBytes && total > limits.maxCompressionRatio * entry.compressedSize) {
        throw new ExportError('ratio_too_high', `${rawName}: ${total} bytes from ${entry.compressedSize}`);
      }
      if (total > entry.uncompressedSize) {
        throw new ExportError('corrupt_zip', `${rawName}: inflates past its declared ${entry.uncompressedSize} bytes`);
      }
      chunks.push(chunk);
      if (stopAfter !== null && total >= stopAfter) {
        return Buffer.concat(chunks);
      }
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    throw corrupt(error);
  } finally {
    stream?.destroy();
  }
  if (total !== entry.uncompressedSize) {
    throw new ExportError('corrupt_zip', `${rawName}: ${total} bytes, declared ${entry.uncompressedSize}`);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new ExportError('corrupt_zip', `${rawName}: CRC mismatch`);
  }
  return Buffer.concat(chunks);
};

export const openZip = async (filePath: string, limits: ExportLimits): Promise<ZipArchive> => {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.openPromise(filePath, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
      strictFileNames: true,
    });
  } catch (error) {
    throw corrupt(error);
  }
  // yauzl reports late errors as events; without a listener Node would throw them.
  zipfile.on('error', () => undefined);
  try {
    const listed = await listEntries(zipfile, limits);
    const folder = commonFolder(listed.map(({ rawName }) => rawName));
    const byName = new Map(listed.map((item) => [item.rawName.slice(folder.length), item]));
    const find = (name: string): Listed => {
      const item = byName.get(name);
      if (item === undefined) {
        throw new ExportError('entry_not_found', name);
      }
      return item;
    };
    let open = true;
    const ensureOpen = (): void => {
      if (!open) {
        throw new ExportError('unreadable', 'the archive is closed');
      }
    };
    const archive: ZipArchive = {
      entries: [...byName].map(([name, { entry }]) => ({ name, size: entry.uncompressedSize, compressedSize: entry.compressedSize })),
      read: (name, maxBytes) => {
        ensureOpen();
        return readEntry(zipfile, find(name), limits, maxBytes, null);
      },
      readHead: (name, bytes) => {
        ensureOpen();
        return readEntry(zipfile, find(name), limits, Number.POSITIVE_INFINITY, bytes);
      },
      close: () => {
        open = false;
        zipfile.close();
      },
    };
    // An entry that is itself a zip, whatever its name, is refused like a .zip name, except
    // documents that are zip containers by design (a shared .docx or .xlsx starts with PK too).
    for (const { name } of archive.entries) {
      if (!isZipBasedDocument(name) && startsLikeZip(await archive.readHead(name, 4))) {
        throw new ExportError('nested_zip', name);
      }
    }
    return archive;
  } catch (error) {
    zipfile.close();
    throw corrupt(error);
  }
};
