/**
 * The plain data a WhatsApp export is read into: no Dates, no zone, nothing from a zip
 * library. A preview shows the chat-level facts; an importer walks `entries` in file order.
 */

/** A local wall-clock time as the exporting phone showed it; exports carry no zone. */
export type WallClock = {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
};

export type ExportFormat = 'android' | 'ios';

/** Which of the three date numbers is the day, the month and the year. */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export type DeletedBy = 'sender' | 'me' | 'admin';

export type SystemKind =
  | 'e2e_notice'
  | 'group_created'
  | 'member_added'
  | 'member_joined_link'
  | 'member_left'
  | 'member_removed'
  | 'subject_changed'
  | 'icon_changed'
  | 'description_changed'
  | 'security_code_changed'
  | 'number_changed'
  | 'admin_promoted'
  /** A header line without an author that matches no known phrase (a newer or other-language system text). */
  | 'other';

export type ExportEntry = {
  /** Position in file order, from 0. */
  readonly index: number;
  /** 1-based line of the header in the file, for messages a member may want to find. */
  readonly line: number;
  readonly type: 'message' | 'system';
  /**
   * The author as written, without leading U+200E/U+200F and with U+202A…U+202C unwrapped
   * from phone numbers. For a system event, iOS sometimes writes a label here (the group
   * name, the actor or the other person of a 1:1 chat); it is kept, see the `author_is_*` tags.
   */
  readonly sender: string | null;
  /** Continuation lines joined with `\n`; edit marker removed; leading U+200E/U+200F removed. */
  readonly body: string;
  readonly ts: WallClock;
  /** The file name the entry refers to, as written. Whether the archive holds it is in `MediaMatch`. */
  readonly attachment: { readonly fileName: string } | null;
  /** `<Media omitted>`, `image omitted`, `gambar tidak disertakan`…: the file was not exported. */
  readonly mediaOmitted: boolean;
  readonly deleted: DeletedBy | null;
  readonly edited: boolean;
  readonly systemKind?: SystemKind;
  /** Finer facts, named as in the fixtures' ground truth (`caption`, `voice_note`, `location`, …). */
  readonly tags: readonly string[];
};

/** One header date read both ways, so a preview can ask which reading is right. */
export type DateSample = {
  /** The date and time as written in the header, e.g. `03/04/24 10.00`. */
  readonly raw: string;
  readonly dmy: WallClock | null;
  readonly mdy: WallClock | null;
};

export type DateOrderInfo = {
  readonly order: DateOrder;
  /** True when the data does not decide: ask the member, then parse again with `dateOrder`. */
  readonly ambiguous: boolean;
  readonly decidedBy: 'option' | 'year_first' | 'number_over_12' | 'attachment_dates' | 'chronology' | 'conflicting' | 'undecided';
  /** Up to three header dates, spread over the file, whose two readings differ. */
  readonly sampleDates: readonly DateSample[];
};

export type GroupNameGuess = {
  readonly name: string;
  readonly source: 'file_name' | 'subject_changed' | 'group_created' | 'system_label';
};

export type SkipReason =
  /** A referenced file is not in the export (a .txt has no media at all). */
  | 'media_missing'
  /** A referenced name with `/`, `\`, `..` or a drive letter: never looked up. */
  | 'unsafe_file_name'
  /** A media file in the archive that no entry refers to. */
  | 'media_unreferenced'
  /** The file does not end with a line break: the last message may be cut. */
  | 'truncated'
  /** Lines before the first header line belong to no message. */
  | 'text_before_first_header'
  /** A line shaped like a header kept inside the message before it (a pasted transcript). */
  | 'header_in_message';

export type SkippedItem = {
  readonly reason: SkipReason;
  readonly entryIndex: number | null;
  readonly line: number | null;
  readonly fileName: string | null;
  readonly detail: string;
};

export type Participant = { readonly name: string; readonly messageCount: number };

export type ExportCounts = {
  readonly entries: number;
  readonly messages: number;
  readonly system: number;
  /** Entries that refer to a file, whether or not the export holds it. */
  readonly attachments: number;
  readonly mediaOmitted: number;
  readonly deleted: number;
  readonly edited: number;
};

export type ParsedExport = {
  readonly format: ExportFormat;
  readonly dateOrder: DateOrderInfo;
  readonly groupName: GroupNameGuess | null;
  /** Earliest and latest timestamp: lines are not always in time order. */
  readonly dateRange: { readonly first: WallClock; readonly last: WallClock } | null;
  readonly counts: ExportCounts;
  /** Message senders, most active first. */
  readonly participants: readonly Participant[];
  readonly entries: readonly ExportEntry[];
  readonly skipped: readonly SkippedItem[];
};

export type ParseOptions = {
  /** Set once the member has confirmed the order; otherwise it is read from the data. */
  readonly dateOrder?: DateOrder;
  /** The export's file name (chat text or zip), for the group name guess. */
  readonly fileName?: string;
};

/** How the references of a chat meet the files of its archive. */
export type MediaMatch = {
  readonly resolved: readonly { readonly entryIndex: number; readonly fileName: string; readonly size: number }[];
  readonly missing: readonly { readonly entryIndex: number; readonly fileName: string }[];
  readonly unsafe: readonly { readonly entryIndex: number; readonly fileName: string }[];
  readonly unreferenced: readonly { readonly fileName: string; readonly size: number }[];
};
