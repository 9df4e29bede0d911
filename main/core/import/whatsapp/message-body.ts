/**
 * What a message body means: an attachment, omitted media, a deletion, an edit, a location.
 * The markers are WhatsApp's own strings (reference §7, §8), English and Indonesian. Each
 * check looks at the first or last line with string comparisons, so no pattern can
 * backtrack over a 2 MB message.
 */
import type { DeletedBy } from './export-model.ts';
import { isUnsafeFileName } from './safe-file-name.ts';

export type BodyFacts = {
  readonly body: string;
  readonly attachment: { readonly fileName: string } | null;
  readonly mediaOmitted: boolean;
  readonly deleted: DeletedBy | null;
  readonly edited: boolean;
  readonly tags: readonly string[];
};

const LEADING_MARKS = /^[\u200E\u200F]+/;
const ALL_MARKS = /[\u200E\u200F]/g;
/** U+202A…U+202C around a phone number used as a name: `‪+62 812-3456-7890‬`. */
const WRAPPED_PHONE = /\u202A([+\d][\d \u00A0().-]{0,40})\u202C/g;

export const stripLeadingMarks = (text: string): string => text.replace(LEADING_MARKS, '');

export const unwrapPhoneNumbers = (text: string): string => (text.includes('\u202A') ? text.replace(WRAPPED_PHONE, '$1') : text);

const EDIT_MARKERS = [' <This message was edited>', ' \u200E<This message was edited>', ' <Pesan ini diedit>', ' \u200E<Pesan ini diedit>'];

const DELETED: ReadonlyMap<string, DeletedBy> = new Map([
  ['This message was deleted', 'sender'],
  ['This message was deleted.', 'sender'],
  ['Pesan ini telah dihapus', 'sender'],
  ['Pesan ini telah dihapus.', 'sender'],
  ['Pesan ini dihapus', 'sender'],
  ['Pesan ini dihapus.', 'sender'],
  ['You deleted this message', 'me'],
  ['You deleted this message.', 'me'],
  ['Anda telah menghapus pesan ini', 'me'],
  ['Anda telah menghapus pesan ini.', 'me'],
  ['Anda menghapus pesan ini', 'me'],
  ['Anda menghapus pesan ini.', 'me'],
  ['This message was deleted by an admin', 'admin'],
  ['This message was deleted by an admin.', 'admin'],
  ['Pesan ini dihapus oleh admin', 'admin'],
  ['Pesan ini dihapus oleh admin.', 'admin'],
  ['Pesan ini telah dihapus oleh admin', 'admin'],
  ['Pesan ini telah dihapus oleh admin.', 'admin'],
]);

const OMITTED = new Set([
  '<Media omitted>',
  '<Media tidak disertakan>',
  'image omitted',
  'video omitted',
  'audio omitted',
  'sticker omitted',
  'GIF omitted',
  'document omitted',
  'Contact card omitted',
  'gambar tidak disertakan',
  'video tidak disertakan',
  'audio tidak disertakan',
  'stiker tidak disertakan',
  'GIF tidak disertakan',
  'dokumen tidak disertakan',
  'Kartu kontak tidak disertakan',
]);
/** iOS names an omitted document: `Budget.xlsx ‎document omitted`. */
const OMITTED_DOCUMENT_SUFFIXES = [' document omitted', ' dokumen tidak disertakan'];

/** Android: `NAME (file attached)`; older Android: `NAME <attached>`. The name is everything before. */
const SUFFIX_MARKERS = [' (file attached)', ' (file terlampir)', ' <attached>'];
/** iOS: `[text ]<attached: NAME>` at the end of the line. */
const ENCLOSING_MARKERS = ['<attached: ', '<terlampir: '];

const LOCATION_PREFIXES = ['location: ', 'Location: ', 'lokasi : ', 'lokasi: ', 'Lokasi: ', 'Lokasi : '];
const LIVE_LOCATION = new Set(['live location shared', 'Live location shared', 'Lokasi terkini dibagikan', 'lokasi terkini dibagikan']);

/** The referenced name when the marker ends the line; text before an iOS marker is allowed. */
export const attachmentName = (firstLine: string): string | null => {
  const line = firstLine.replace(ALL_MARKS, '');
  for (const marker of SUFFIX_MARKERS) {
    if (line.endsWith(marker)) {
      const name = line.slice(0, -marker.length);
      return name === '' ? null : name;
    }
  }
  if (line.endsWith('>')) {
    for (const marker of ENCLOSING_MARKERS) {
      const start = line.lastIndexOf(marker);
      if (start !== -1) {
        const name = line.slice(start + marker.length, -1);
        return name === '' || name.includes('<') || name.includes('>') ? null : name;
      }
    }
  }
  return null;
};

/** Tags for the kind of file, from WhatsApp's naming (`IMG-…`, `PTT-…`, `00000012-PHOTO-…`). */
const mediaKindTag = (fileName: string): string => {
  const android = /^(IMG|VID|PTT|AUD|STK)-\d{8}-WA\d+/.exec(fileName)?.[1];
  const ios = /^\d{8}-(PHOTO|VIDEO|AUDIO|STICKER|GIF)-/.exec(fileName)?.[1];
  switch (android ?? ios) {
    case 'IMG':
    case 'PHOTO':
      return 'image';
    case 'VID':
    case 'VIDEO':
      return 'video';
    case 'PTT':
    case 'AUDIO':
      return 'voice_note';
    case 'AUD':
      return 'audio';
    case 'STK':
    case 'STICKER':
      return 'sticker';
    case 'GIF':
      return 'gif';
    default:
      return fileName.toLowerCase().endsWith('.vcf') ? 'contact_card' : 'document';
  }
};

const omittedKind = (line: string): 'plain' | 'document' | null => {
  if (OMITTED.has(line)) {
    return 'plain';
  }
  return OMITTED_DOCUMENT_SUFFIXES.some((suffix) => line.endsWith(suffix)) ? 'document' : null;
};

/** Removes a trailing edit marker from the last line; the marker mid-text is typed text. */
const withoutEditMarker = (lines: string[]): boolean => {
  const lastIndex = lines.length - 1;
  const last = lines[lastIndex] ?? '';
  const marker = EDIT_MARKERS.find((candidate) => last.endsWith(candidate));
  if (marker === undefined) {
    return false;
  }
  lines[lastIndex] = last.slice(0, -marker.length);
  return true;
};

export const readBody = (rawLines: readonly string[]): BodyFacts => {
  const lines = [...rawLines];
  lines[0] = stripLeadingMarks(lines[0] ?? '');
  const edited = withoutEditMarker(lines);
  const first = lines[0];
  const firstPlain = first.replace(ALL_MARKS, '');
  const single = lines.length === 1;
  const tags: string[] = [];

  const deleted = single ? (DELETED.get(firstPlain) ?? null) : null;
  const omitted = omittedKind(firstPlain);
  const fileName = omitted === null && deleted === null ? attachmentName(first) : null;
  const hasCaption = !single && (fileName !== null || omitted !== null) && lines.slice(1).some((line) => line.trim() !== '');

  if (fileName !== null) {
    tags.push('attachment', ...(isUnsafeFileName(fileName) ? ['hostile_path'] : [mediaKindTag(fileName)]));
  }
  if (omitted !== null) {
    tags.push('media_omitted', ...(omitted === 'document' ? ['document'] : []));
  }
  if (hasCaption) {
    tags.push('caption');
  }
  if (deleted !== null) {
    tags.push('deleted', ...(deleted === 'me' ? ['deleted_own'] : deleted === 'admin' ? ['deleted_by_admin'] : []));
  }
  if (edited) {
    tags.push('edited');
  }
  if (LOCATION_PREFIXES.some((prefix) => firstPlain.startsWith(prefix) && firstPlain.includes('http', prefix.length))) {
    tags.push('location');
  } else if (single && LIVE_LOCATION.has(firstPlain)) {
    tags.push('live_location');
  }
  if (first === 'POLL:' && !single) {
    tags.push('poll');
  }
  if (single && first === 'null') {
    // View-once media: the export writes the word null.
    tags.push('view_once_null');
  }
  if (!single && !hasCaption) {
    tags.push('multiline');
  }

  return {
    body: unwrapPhoneNumbers(lines.join('\n')),
    attachment: fileName === null ? null : { fileName },
    mediaOmitted: omitted !== null,
    deleted,
    edited,
    tags,
  };
};
