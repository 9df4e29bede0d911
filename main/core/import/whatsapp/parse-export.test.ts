import { describe, expect, it } from 'vitest';
import type { ExportEntry } from './export-model.ts';
import { parse } from './parse-export.ts';

const LRM = '\u200E';
const android = (...lines: string[]): string => lines.map((line, index) => `15/01/24 10.${String(index).padStart(2, '0')} - ${line}`).join('\n') + '\n';
const ios = (...lines: string[]): string => lines.map((line, index) => `[15/01/24 10.${String(index).padStart(2, '0')}.00] ${line}`).join('\r\n') + '\r\n';
const entries = (text: string): readonly ExportEntry[] => parse(text).entries;
const only = (text: string): ExportEntry => {
  const [entry] = entries(text);
  if (entry === undefined) {
    throw new Error('no entry');
  }
  return entry;
};

describe('messages and system events', () => {
  it('keeps `Name: I left` a message: names never contain `: `', () => {
    expect(only(android('Ayu: Budi left'))).toMatchObject({ type: 'message', sender: 'Ayu', body: 'Budi left' });
    expect(only(android('Ayu left'))).toMatchObject({ type: 'system', sender: null, systemKind: 'member_left' });
  });

  it('reads a subject containing `: ` as a system event, and takes the group name from it', () => {
    const parsed = parse(android('Budi telah mengubah subjek dari "A" menjadi "KTM: Info"'));
    expect(parsed.entries[0]).toMatchObject({ type: 'system', systemKind: 'subject_changed' });
    expect(parsed.groupName).toEqual({ name: 'KTM: Info', source: 'subject_changed' });
  });

  it('types an unknown authorless line as system `other`', () => {
    expect(only(android('Budi memulai panggilan video'))).toMatchObject({ type: 'system', systemKind: 'other', tags: [] });
  });

  it('types iOS system events with an author as system and says what the label is', () => {
    const parsed = parse(
      ios(
        `Boris: ${LRM}Boris created group “Tani”`,
        `Tani: ${LRM}Boris added you`,
        'Budi: halo',
        `Budi: ${LRM}Your security code with Budi changed. Tap to learn more.`,
      ),
    );
    expect(parsed.entries.map(({ type, sender, tags }) => ({ type, sender, tags }))).toEqual([
      { type: 'system', sender: 'Boris', tags: ['group_created', 'author_is_actor'] },
      { type: 'system', sender: 'Tani', tags: ['member_added', 'author_is_group_name'] },
      { type: 'message', sender: 'Budi', tags: [] },
      { type: 'system', sender: 'Budi', tags: ['security_code_changed', 'author_is_contact'] },
    ]);
    expect(parsed.participants).toEqual([{ name: 'Budi', messageCount: 1 }]);
  });

  it('keeps a short typed phrase a message on iOS when nothing marks it as a system text', () => {
    expect(only(ios('Ayu: Budi left'))).toMatchObject({ type: 'message', body: 'Budi left' });
  });

  it('splits the header at the first ` - ` and the sender at the first `: `', () => {
    expect(only(android('Ibu Ani - Bendahara: Iuran: Rp50.000'))).toMatchObject({ sender: 'Ibu Ani - Bendahara', body: 'Iuran: Rp50.000' });
  });

  it('unwraps phone numbers and strips leading direction marks from senders and bodies', () => {
    expect(only(ios(`${LRM}\u202A+62 812-3456-7890\u202C: ${LRM}${LRM}halo \u202A+62 811\u202C`))).toMatchObject({
      sender: '+62 812-3456-7890',
      body: 'halo +62 811',
    });
  });

  it('reports text before the first header and a missing final line break', () => {
    const { skipped } = parse('judul\n\n15/01/24 10.00 - A: x');
    expect(skipped.map((item) => item.reason)).toEqual(['text_before_first_header', 'truncated']);
  });
});

describe('bodies', () => {
  it('counts an attachment marker only at the end of the first line', () => {
    expect(only(android('A: Saya sudah kirim file nota.pdf (file terlampir) kemarin ya')).attachment).toBeNull();
    expect(only(ios('A: I wrote <attached: notes.txt> by hand')).attachment).toBeNull();
    expect(only(android(`A: ${LRM}Notulen – Rapat (revisi).docx (file terlampir)`)).attachment).toEqual({ fileName: 'Notulen – Rapat (revisi).docx' });
    expect(only(ios(`A: Proposal.pdf • ${LRM}2 pages ${LRM}<attached: 00000014-Proposal Koperasi.pdf>`)).attachment).toEqual({
      fileName: '00000014-Proposal Koperasi.pdf',
    });
  });

  it('keeps a caption on the following lines', () => {
    const entry = only('15/01/24 10.00 - A: IMG-20240115-WA0001.jpg (file attached)\nFoto\npanen\n');
    expect(entry).toMatchObject({ attachment: { fileName: 'IMG-20240115-WA0001.jpg' }, body: 'IMG-20240115-WA0001.jpg (file attached)\nFoto\npanen' });
    expect(entry.tags).toEqual(['attachment', 'image', 'caption']);
  });

  it('flags a name with path characters as hostile and reports it, without dropping the entry', () => {
    const parsed = parse(android('A: ..\\..\\evil.txt (file attached)', 'A: C:evil.txt (file attached)'));
    expect(parsed.entries.map((entry) => entry.tags)).toEqual([
      ['attachment', 'hostile_path'],
      ['attachment', 'hostile_path'],
    ]);
    expect(parsed.skipped.map((item) => [item.reason, item.fileName])).toEqual([
      ['unsafe_file_name', '..\\..\\evil.txt'],
      ['unsafe_file_name', 'C:evil.txt'],
    ]);
  });

  it('strips the edit marker only at the end of the last line', () => {
    expect(only(android('A: harga naik <This message was edited>'))).toMatchObject({ body: 'harga naik', edited: true });
    expect(only(android('A: tulis <Pesan ini diedit> di tengah'))).toMatchObject({ body: 'tulis <Pesan ini diedit> di tengah', edited: false });
  });

  it('knows the three kinds of deletion', () => {
    expect(
      entries(ios(`A: ${LRM}This message was deleted.`, `A: ${LRM}You deleted this message.`, `A: ${LRM}Pesan ini dihapus oleh admin.`)).map(
        (entry) => entry.deleted,
      ),
    ).toEqual(['sender', 'me', 'admin']);
  });

  it('flags omitted media in both languages and keeps the caption', () => {
    const parsed = parse(ios(`A: ${LRM}stiker tidak disertakan`, `A: Budget.xlsx ${LRM}document omitted`, 'A: image omitted, I think'));
    expect(parsed.entries.map((entry) => entry.mediaOmitted)).toEqual([true, true, false]);
    expect(parsed.entries[1]?.tags).toEqual(['media_omitted', 'document']);
    expect(only('15/01/24 10.00 - A: <Media omitted>\nWeekly rota\n').tags).toEqual(['media_omitted', 'caption']);
  });

  it('tags locations, live locations, polls and view-once media', () => {
    expect(entries(android('A: lokasi : https://maps.google.com/?q=1,2', 'A: Lokasi terkini dibagikan', 'A: null')).map((entry) => entry.tags)).toEqual([
      ['location'],
      ['live_location'],
      ['view_once_null'],
    ]);
    expect(only('15/01/24 10.00 - A: POLL:\nQ?\nOPTION: a (1 vote)\n').tags).toEqual(['poll', 'multiline']);
  });
});

describe('pasted transcripts', () => {
  it('keeps backdated header lines from an unknown sender inside the message', () => {
    const text = ['15/01/24 09.31 - Siti: dari grup sebelah:', '12/01/24 08.00 - Pak Lurah: Besok kerja bakti', '15/01/24 09.32 - Agus: ok', ''].join('\n');
    expect(entries(text).map((entry) => entry.sender)).toEqual(['Siti', 'Agus']);
  });

  it('keeps a backdated line from a known sender as an entry (a clock moved back)', () => {
    const text = ['15/01/24 09.31 - Siti: a', '12/01/24 08.00 - Agus: b', '15/01/24 09.32 - Agus: c', ''].join('\n');
    expect(entries(text)).toHaveLength(3);
  });

  it('keeps, in file order, a line that postdates the next one (as E2E notices do)', () => {
    const text = android('Siti: a').replace('10.00', '10.03') + android('Budi membuat grup "X"');
    expect(entries(text).map((entry) => entry.tags)).toEqual([['out_of_order'], ['group_created']]);
  });
});
