/** The chat-level facts a preview shows before anything is imported. */
import type { ExportCounts, ExportEntry, GroupNameGuess, Participant, WallClock } from './export-model.ts';
import { chatNameFromFileName } from './export-file-names.ts';
import { wallSeconds } from './wall-clock.ts';

export const countEntries = (entries: readonly ExportEntry[]): ExportCounts => {
  let messages = 0;
  let attachments = 0;
  let mediaOmitted = 0;
  let deleted = 0;
  let edited = 0;
  for (const entry of entries) {
    messages += entry.type === 'message' ? 1 : 0;
    attachments += entry.attachment === null ? 0 : 1;
    mediaOmitted += entry.mediaOmitted ? 1 : 0;
    deleted += entry.deleted === null ? 0 : 1;
    edited += entry.edited ? 1 : 0;
  }
  return { entries: entries.length, messages, system: entries.length - messages, attachments, mediaOmitted, deleted, edited };
};

/** Message senders, most messages first, then in order of first appearance. */
export const participantsOf = (entries: readonly ExportEntry[]): Participant[] => {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.type === 'message' && entry.sender !== null) {
      counts.set(entry.sender, (counts.get(entry.sender) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([name, messageCount], order) => ({ name, messageCount, order }))
    .sort((a, b) => b.messageCount - a.messageCount || a.order - b.order)
    .map(({ name, messageCount }) => ({ name, messageCount }));
};

export const dateRangeOf = (entries: readonly ExportEntry[]): { first: WallClock; last: WallClock } | null => {
  let first: ExportEntry | undefined;
  let last: ExportEntry | undefined;
  let firstSeconds = Number.POSITIVE_INFINITY;
  let lastSeconds = Number.NEGATIVE_INFINITY;
  for (const entry of entries) {
    const seconds = wallSeconds(entry.ts);
    if (seconds < firstSeconds) {
      firstSeconds = seconds;
      first = entry;
    }
    if (seconds > lastSeconds) {
      lastSeconds = seconds;
      last = entry;
    }
  }
  return first === undefined || last === undefined ? null : { first: first.ts, last: last.ts };
};

/**
 * The file name is the chat's name when it was exported, so it wins; then the latest subject
 * change, the creation line, and last an iOS system label (iOS writes the group name as the
 * author of some system events).
 */
export const guessGroupName = (
  fileName: string | undefined,
  titles: { readonly subject: string | null; readonly created: string | null; readonly systemLabel: string | null },
): GroupNameGuess | null => {
  const fromFile = fileName === undefined ? null : chatNameFromFileName(fileName);
  if (fromFile !== null) {
    return { name: fromFile, source: 'file_name' };
  }
  if (titles.subject !== null) {
    return { name: titles.subject, source: 'subject_changed' };
  }
  if (titles.created !== null) {
    return { name: titles.created, source: 'group_created' };
  }
  return titles.systemLabel === null ? null : { name: titles.systemLabel, source: 'system_label' };
};
