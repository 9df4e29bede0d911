/**
 * Chat text → `ParsedExport`. A reimplementation of whatsapp-chat-parser's line grammar
 * (reference §9) rather than the package, because every gap the fixtures list sits inside
 * its single pass: BOM, iOS system events with an author, subjects with `: `, date-like and
 * pasted header lines inside a message, attachment names with spaces, and a process-zone Date.
 *
 * Passes: find header-shaped lines; keep the file's dominant header shape; decide the date
 * order; classify each header's text; drop pasted transcripts back into their message; then
 * build entries from each header and the lines up to the next one.
 */
import { countEntries, dateRangeOf, guessGroupName, participantsOf } from './chat-facts.ts';
import { dateInFileName, detectDateOrder, FIRST_OTHER_CALENDAR_YEAR, toWallClock, type DateHint } from './date-order.ts';
import { decodeText, splitLines } from './decode-text.ts';
import { ExportError } from './export-error.ts';
import type { ExportEntry, ExportFormat, ParsedExport, ParseOptions, SkippedItem, WallClock } from './export-model.ts';
import { looksLikeOtherCalendar, matchHeader, type HeaderMatch } from './header-line.ts';
import { readHeaderText, type HeaderText } from './header-text.ts';
import { attachmentName, readBody, stripLeadingMarks, unwrapPhoneNumbers } from './message-body.ts';
import { findPastedHeaders } from './pasted-headers.ts';
import { isUnsafeFileName } from './safe-file-name.ts';
import { isSelf } from './system-phrases.ts';
import { wallSeconds } from './wall-clock.ts';

/** Entries are built here and handed out read-only; tags are added by the later passes. */
type BuildingEntry = Omit<ExportEntry, 'tags'> & { tags: string[] };

type Header = { readonly lineIndex: number; readonly match: HeaderMatch; readonly ts: WallClock; readonly text: HeaderText };

const findHeaderLines = (lines: readonly string[]): { lineIndex: number; match: HeaderMatch }[] => {
  const found: { lineIndex: number; match: HeaderMatch }[] = [];
  lines.forEach((line, lineIndex) => {
    const match = matchHeader(line);
    if (match !== null) {
      found.push({ lineIndex, match });
    }
  });
  return found;
};

const dominantShape = (headers: readonly { match: HeaderMatch }[]): string => {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const { match } of headers) {
    const count = (counts.get(match.shape) ?? 0) + 1;
    counts.set(match.shape, count);
    if (count > bestCount) {
      best = match.shape;
      bestCount = count;
    }
  }
  return best;
};

/** Dates in attachment names, a second opinion on the date order. */
const dateHints = (shaped: readonly { match: HeaderMatch }[], texts: readonly HeaderText[]): DateHint[] => {
  const hints: DateHint[] = [];
  texts.forEach((text, index) => {
    const fileName = text.type === 'message' ? attachmentName(text.firstLine) : null;
    const date = fileName === null ? null : dateInFileName(fileName);
    if (date !== null) {
      hints.push({ header: (shaped[index] as { match: HeaderMatch }).match, ...date });
    }
  });
  return hints;
};

const refuseUnreadable = (lines: readonly string[]): never => {
  if (lines.some(looksLikeOtherCalendar)) {
    throw new ExportError('unsupported_calendar', 'the header dates use a Buddhist or Japanese-era year');
  }
  throw new ExportError('not_an_export', 'no line has the shape of a WhatsApp message header');
};

const systemTags = (text: HeaderText, format: ExportFormat): string[] => {
  const tags: string[] = [];
  if (text.system !== null) {
    tags.push(text.system.kind);
    if (text.system.kind === 'member_left' && isSelf(text.system.names[0] ?? '')) {
      tags.push('self_left');
    }
  }
  if (format === 'ios' && text.sender === null) {
    tags.push('authorless');
  }
  return tags;
};

const buildEntry = (index: number, header: Header, continuation: readonly string[], format: ExportFormat): BuildingEntry => {
  const { text } = header;
  const base = { index, line: header.lineIndex + 1, sender: text.sender, ts: header.ts };
  if (text.type === 'message') {
    const facts = readBody([text.firstLine, ...continuation]);
    return { ...base, type: 'message', ...facts, tags: [...facts.tags] };
  }
  const body = unwrapPhoneNumbers(stripLeadingMarks(continuation.length === 0 ? text.firstLine : [text.firstLine, ...continuation].join('\n')));
  return {
    ...base,
    type: 'system',
    body,
    attachment: null,
    mediaOmitted: false,
    deleted: null,
    edited: false,
    systemKind: text.system?.kind ?? 'other',
    tags: systemTags(text, format),
  };
};

/**
 * iOS labels some system events with the actor, the group name or the other person of a
 * 1:1 chat. A group name never sends messages; the other person does.
 */
const labelTags = (entries: readonly BuildingEntry[]): void => {
  const senders = new Set(entries.filter((entry) => entry.type === 'message').map((entry) => entry.sender));
  for (const entry of entries) {
    if (entry.type === 'system' && entry.sender !== null) {
      const tag = entry.body.startsWith(`${entry.sender} `) ? 'author_is_actor' : senders.has(entry.sender) ? 'author_is_contact' : 'author_is_group_name';
      entry.tags.push(tag);
    }
  }
};

/** An entry later than the one after it: file order is kept, but nothing may assume sorted times. */
const outOfOrderTags = (entries: readonly BuildingEntry[]): void => {
  for (let index = 0; index + 1 < entries.length; index++) {
    const entry = entries[index] as BuildingEntry;
    if (wallSeconds(entry.ts) > wallSeconds((entries[index + 1] as BuildingEntry).ts)) {
      entry.tags.push('out_of_order');
    }
  }
};

const skippedItem = (item: Partial<SkippedItem> & Pick<SkippedItem, 'reason' | 'detail'>): SkippedItem => ({
  entryIndex: null,
  line: null,
  fileName: null,
  ...item,
});

/** What the preview should warn about, in file order per kind. */
const skippedItems = (
  lines: readonly string[],
  endsWithLineBreak: boolean,
  headers: readonly Header[],
  pasted: ReadonlySet<number>,
  entries: readonly BuildingEntry[],
): SkippedItem[] => {
  const skipped: SkippedItem[] = [];
  const firstLine = entries[0]?.line ?? 1;
  if (lines.slice(0, firstLine - 1).some((line) => line.trim() !== '')) {
    skipped.push(skippedItem({ reason: 'text_before_first_header', line: 1, detail: `${firstLine - 1} line(s) before the first message` }));
  }
  let entryIndex = -1;
  headers.forEach((header, index) => {
    if (pasted.has(index)) {
      skipped.push(skippedItem({ reason: 'header_in_message', entryIndex, line: header.lineIndex + 1, detail: header.match.raw }));
    } else {
      entryIndex += 1;
    }
  });
  for (const entry of entries) {
    if (entry.attachment !== null && isUnsafeFileName(entry.attachment.fileName)) {
      skipped.push(
        skippedItem({ reason: 'unsafe_file_name', entryIndex: entry.index, line: entry.line, fileName: entry.attachment.fileName, detail: 'unsafe file name' }),
      );
    }
  }
  const last = entries[entries.length - 1];
  if (!endsWithLineBreak && last !== undefined) {
    skipped.push(
      skippedItem({
        reason: 'truncated',
        entryIndex: last.index,
        line: last.line,
        detail: 'the file does not end with a line break; the last message may be cut',
      }),
    );
  }
  return skipped;
};

/** The latest subject, the first creation title, and the last iOS label that is a group name. */
const groupTitles = (
  kept: readonly Header[],
  entries: readonly BuildingEntry[],
): { subject: string | null; created: string | null; systemLabel: string | null } => {
  let subject: string | null = null;
  let created: string | null = null;
  for (const { text } of kept) {
    if (text.system?.kind === 'subject_changed') {
      subject = text.system.title;
    } else if (text.system?.kind === 'group_created' && created === null) {
      created = text.system.title;
    }
  }
  const labelled = entries.filter((entry) => entry.tags.includes('author_is_group_name'));
  return { subject, created, systemLabel: labelled[labelled.length - 1]?.sender ?? null };
};

export const parse = (text: string, options: ParseOptions = {}): ParsedExport => {
  const { lines, endsWithLineBreak } = splitLines(text);
  const found = findHeaderLines(lines);
  if (found.length === 0) {
    return refuseUnreadable(lines);
  }
  const shape = dominantShape(found);
  const shaped = found.filter(({ match }) => match.shape === shape);
  const format = (shaped[0] as { match: HeaderMatch }).match.format;
  const texts = shaped.map(({ match }) => readHeaderText(format, match.rest));
  const dateOrder = detectDateOrder(
    shaped.map(({ match }) => match),
    options.dateOrder,
    dateHints(shaped, texts),
  );
  const headers: Header[] = [];
  shaped.forEach(({ lineIndex, match }, index) => {
    const ts = toWallClock(match, dateOrder.order);
    if (ts !== null) {
      headers.push({ lineIndex, match, ts, text: texts[index] as HeaderText });
    }
  });
  if (headers.length === 0) {
    return refuseUnreadable(lines);
  }
  if (headers.some(({ ts }) => ts.year >= FIRST_OTHER_CALENDAR_YEAR)) {
    throw new ExportError('unsupported_calendar', 'the header years are Buddhist-era years');
  }
  const pasted = findPastedHeaders(headers.map(({ ts, text: { type, sender } }) => ({ ts, type, sender })));
  const kept = headers.filter((_, index) => !pasted.has(index));
  const entries: BuildingEntry[] = kept.map((header, index) => {
    const end = kept[index + 1]?.lineIndex ?? lines.length;
    return buildEntry(index, header, lines.slice(header.lineIndex + 1, end), format);
  });
  labelTags(entries);
  outOfOrderTags(entries);

  const titles = groupTitles(kept, entries);
  return {
    format,
    dateOrder,
    groupName: guessGroupName(options.fileName, titles),
    dateRange: dateRangeOf(entries),
    counts: countEntries(entries),
    participants: participantsOf(entries),
    entries,
    skipped: skippedItems(lines, endsWithLineBreak, headers, pasted, entries),
  };
};
/** Bytes straight from a file: decoding never throws, parsing throws only `ExportError`. */
export const parseBytes = (bytes: Uint8Array, options: ParseOptions = {}): ParsedExport => parse(decodeText(bytes), options);
