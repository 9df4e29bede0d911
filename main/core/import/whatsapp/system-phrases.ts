/**
 * System events are unmarked, localised text (reference §6). They are recognised by the
 * English and Indonesian phrases of WhatsApp's own string tables, matched against the whole
 * text after the header *before* any `Sender: ` split, because a subject can contain `: `
 * (`… menjadi "KTM: Info Anggota"`).
 *
 * A name (`N`) never contains `: `: that is what keeps `Ayu: I left` a message. Only quoted
 * group titles may hold a colon.
 */
import type { SystemKind } from './export-model.ts';

const N = String.raw`((?:(?!: ).)+?)`;
const Q = String.raw`["“](.*)["”]`;
const TELAH = String.raw`(?:telah )?`;
const APOSTROPHE = String.raw`['’]`;

type Phrase = {
  readonly kind: SystemKind;
  readonly pattern: RegExp;
  /**
   * Weak phrases (`X left`, `X added Y`) are short enough that a person could type them; on iOS
   * an authored line with one counts as a system event only with the other iOS signals.
   */
  readonly weak: boolean;
  /** Capture groups holding names of people, and the one holding a group title. */
  readonly names: readonly number[];
  readonly title: number | null;
};

const phrase = (kind: SystemKind, source: string, options: { weak?: boolean; names?: readonly number[]; title?: number } = {}): Phrase => ({
  kind,
  pattern: new RegExp(`^${source}$`),
  weak: options.weak ?? false,
  names: options.names ?? [],
  title: options.title ?? null,
});

// Order matters where one phrase is a prefix of another's wording (security code, subject).
const PHRASES: readonly Phrase[] = [
  phrase(
    'e2e_notice',
    String.raw`(?:Messages and calls are end-to-end encrypted|Messages (?:to this (?:group|chat)|you send to this (?:group|chat)(?: and calls)?) are now secured with end-to-end encryption|Pesan dan panggilan terenkripsi secara end-to-end|Pesan-pesan yang dikirimkan ke (?:grup|chat) ini kini diamankan dengan enkripsi end-to-end)\..*`,
  ),
  phrase('group_created', `${N} created group ${Q}`, { names: [1], title: 2 }),
  phrase('group_created', `${N} membuat grup ${Q}`, { names: [1], title: 2 }),
  phrase('group_created', `${N} (?:created this group|membuat grup ini)`, { names: [1] }),
  phrase('subject_changed', `${N} changed the (?:subject|group name) from ${Q} to ${Q}`, { names: [1], title: 3 }),
  phrase('subject_changed', `${N} changed the (?:subject|group name) to ${Q}`, { names: [1], title: 2 }),
  phrase('subject_changed', `${N} ${TELAH}mengubah (?:subjek|nama grup) dari ${Q} menjadi ${Q}`, { names: [1], title: 3 }),
  phrase('subject_changed', `${N} ${TELAH}mengubah (?:subjek|nama grup) menjadi ${Q}`, { names: [1], title: 2 }),
  phrase('icon_changed', `${N} (?:changed|deleted) this group${APOSTROPHE}s icon`, { names: [1] }),
  phrase('icon_changed', `${N} ${TELAH}(?:mengubah|menghapus) ikon grup ini`, { names: [1] }),
  phrase('description_changed', `${N} (?:changed|deleted) the group description`, { names: [1] }),
  phrase('description_changed', `${N} ${TELAH}(?:mengubah|menghapus) deskripsi grup`, { names: [1] }),
  phrase('security_code_changed', String.raw`Your security code with ${N} changed\..*`, { names: [1] }),
  phrase('security_code_changed', String.raw`${N}${APOSTROPHE}s security code changed\..*`, { names: [1] }),
  phrase('security_code_changed', String.raw`Kode keamanan Anda dengan ${N} ${TELAH}berubah\..*`, { names: [1] }),
  phrase('security_code_changed', String.raw`Kode keamanan ${N} ${TELAH}berubah\..*`, { names: [1] }),
  phrase('member_joined_link', `${N} joined using this group${APOSTROPHE}s invite link`, { names: [1] }),
  phrase('member_joined_link', `${N} ${TELAH}bergabung menggunakan tautan undangan grup ini`, { names: [1] }),
  phrase('number_changed', `${N} changed (?:their phone number|to a new number).*`, { names: [1] }),
  phrase('number_changed', `${N} ${TELAH}mengganti nomor(?: telepon)? dari ${N} ke ${N}`, { names: [1, 2, 3] }),
  phrase('number_changed', `${N} ${TELAH}mengganti nomor(?: telepon(?:nya)?)?.*`, { names: [1] }),
  phrase('number_changed', `${N} changed from ${N} to ${N}`, { names: [1, 2, 3] }),
  phrase('admin_promoted', `(?:You${APOSTROPHE}re now an admin|Anda sekarang (?:adalah )?admin)`),
  phrase('member_added', `${N} added ${N}`, { weak: true, names: [1, 2] }),
  phrase('member_added', `${N} ${TELAH}menambahkan ${N}`, { weak: true, names: [1, 2] }),
  phrase('member_removed', `${N} removed ${N}`, { weak: true, names: [1, 2] }),
  phrase('member_removed', `${N} ${TELAH}mengeluarkan ${N}`, { weak: true, names: [1, 2] }),
  phrase('member_left', `${N} (?:left|keluar)`, { weak: true, names: [1] }),
];

/** System texts are one short line; longer text is never tested, so no pattern can run long. */
const MAX_SYSTEM_TEXT = 600;

export type SystemMatch = {
  readonly kind: SystemKind;
  readonly weak: boolean;
  /** People named in the text, as written (may be `You`/`Anda`). */
  readonly names: readonly string[];
  /** The group title of a created or subject-changed event. */
  readonly title: string | null;
};

/** Directional marks sit before and inside iOS system texts; they are not part of the wording. */
const withoutMarks = (text: string): string => text.replace(/[\u200E\u200F]/g, '');

export const matchSystemText = (text: string): SystemMatch | null => {
  if (text.length > MAX_SYSTEM_TEXT) {
    return null;
  }
  const plain = withoutMarks(text);
  for (const candidate of PHRASES) {
    const match = candidate.pattern.exec(plain);
    if (match !== null) {
      return {
        kind: candidate.kind,
        weak: candidate.weak,
        names: candidate.names.map((group) => match[group] ?? '').filter((name) => name !== ''),
        title: candidate.title === null ? null : (match[candidate.title] ?? null),
      };
    }
  }
  return null;
};

/** The exporting member in both languages, as system texts name them. */
export const isSelf = (name: string): boolean => /^(?:you|anda)$/i.test(name);
