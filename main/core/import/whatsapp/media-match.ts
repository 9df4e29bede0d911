/**
 * Chat references meet archive entries by exact name only (reference §7): no case folding,
 * no path joining, no normalisation, so a typed `../../evil.txt` can never reach a file,
 * and JSZip-style rewriting (`../../evil.txt` → `evil.txt`) cannot make a reference hit a
 * different entry.
 */
import type { ExportEntry, MediaMatch, SkippedItem } from './export-model.ts';
import { isUnsafeFileName } from './safe-file-name.ts';

export type MediaResult = { readonly match: MediaMatch; readonly skipped: readonly SkippedItem[] };

/** `available` maps each media entry name of the archive to its size; empty for a plain .txt. */
export const matchMedia = (entries: readonly ExportEntry[], available: ReadonlyMap<string, number>): MediaResult => {
  const resolved: { entryIndex: number; fileName: string; size: number }[] = [];
  const missing: { entryIndex: number; fileName: string }[] = [];
  const unsafe: { entryIndex: number; fileName: string }[] = [];
  const referenced = new Set<string>();
  const skipped: SkippedItem[] = [];
  for (const entry of entries) {
    if (entry.attachment === null) {
      continue;
    }
    const { fileName } = entry.attachment;
    const size = available.get(fileName);
    if (isUnsafeFileName(fileName)) {
      // Already reported by the parser as unsafe_file_name.
      unsafe.push({ entryIndex: entry.index, fileName });
    } else if (size === undefined) {
      missing.push({ entryIndex: entry.index, fileName });
      skipped.push({ reason: 'media_missing', entryIndex: entry.index, line: entry.line, fileName, detail: 'the file is not in the export' });
    } else {
      resolved.push({ entryIndex: entry.index, fileName, size });
      referenced.add(fileName);
    }
  }
  const unreferenced = [...available].filter(([fileName]) => !referenced.has(fileName)).map(([fileName, size]) => ({ fileName, size }));
  for (const { fileName } of unreferenced) {
    skipped.push({ reason: 'media_unreferenced', entryIndex: null, line: null, fileName, detail: 'no message refers to this file' });
  }
  return { match: { resolved, missing, unsafe, unreferenced }, skipped };
};
