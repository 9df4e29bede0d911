/** What the member sees of an export before anything is sent. */
import type { ImportPreview, SkipReason } from '../../../shared/model/import.ts';
import type { MediaMatch, ParsedExport } from './whatsapp/export-model.ts';
import { buildPlan } from './import-plan.ts';

const EXAMPLES_PER_REASON = 5;

/** Files of the archive the chat refers to, by name, with their sizes. */
export const resolvedMedia = (media: MediaMatch): Map<string, number> => new Map(media.resolved.map(({ fileName, size }) => [fileName, size]));

/** How many Matrix messages the import will send: the plan's length, without reading the clock or the mapping. */
const eventCount = (parsed: ParsedExport, media: MediaMatch): number =>
  buildPlan(parsed.entries, {
    fingerprint: '0'.repeat(64),
    dateOrder: parsed.dateOrder.order,
    toEpochMs: () => 0,
    mapping: new Map(),
    mediaFiles: resolvedMedia(media),
  }).length;

const skippedGroups = (parsed: ParsedExport): ImportPreview['skipped'] => {
  const groups = new Map<SkipReason, { count: number; examples: string[] }>();
  const add = (reason: SkipReason, example: string): void => {
    const group = groups.get(reason) ?? { count: 0, examples: [] };
    group.count += 1;
    if (group.examples.length < EXAMPLES_PER_REASON && example !== '' && !group.examples.includes(example)) {
      group.examples.push(example);
    }
    groups.set(reason, group);
  };
  for (const item of parsed.skipped) {
    add(item.reason, item.fileName ?? (item.line === null ? '' : String(item.line)));
  }
  for (const entry of parsed.entries) {
    if (entry.mediaOmitted) {
      add('media_omitted', entry.sender ?? '');
    }
  }
  return [...groups].map(([reason, group]) => ({ reason, ...group }));
};

export const previewOf = (importId: string, fileName: string, parsed: ParsedExport, media: MediaMatch): ImportPreview => {
  const uploaded = new Set(media.resolved.map(({ entryIndex }) => entryIndex));
  return {
    importId,
    fileName,
    format: parsed.format,
    groupName: parsed.groupName?.name ?? null,
    dateRange: parsed.dateRange === null ? null : { first: { ...parsed.dateRange.first }, last: { ...parsed.dateRange.last } },
    dateOrder: {
      order: parsed.dateOrder.order,
      ambiguous: parsed.dateOrder.ambiguous,
      samples: parsed.dateOrder.sampleDates.map((sample) => ({
        raw: sample.raw,
        dmy: sample.dmy === null ? null : { ...sample.dmy },
        mdy: sample.mdy === null ? null : { ...sample.mdy },
      })),
    },
    counts: {
      events: eventCount(parsed, media),
      messages: parsed.counts.messages,
      system: parsed.counts.system,
      media: media.resolved.length,
      mediaBytes: media.resolved.reduce((sum, { size }) => sum + size, 0),
      mediaMissing: parsed.entries.filter((entry) => entry.attachment !== null && !uploaded.has(entry.index)).length,
      deleted: parsed.counts.deleted,
      edited: parsed.counts.edited,
    },
    participants: parsed.participants.map(({ name, messageCount }) => ({ name, messageCount })),
    skipped: skippedGroups(parsed),
  };
};
