import { demoMembers, demoNames, memberByName, type DemoMember } from './demo-members.ts';
import type { StateFile } from './demo-state.ts';
import type { MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';

type Who = DemoMember['localpart'];

/** One message of the day in the group room; `replyTo` names an earlier line's key. */
type Line = { key: string; who: Who; text: string; replyTo?: string; mentions?: Who[] };

/**
 * A day in the co-op's group room, from the morning's harvest to the evening's thanks:
 * replies, mentions (the names as the composer's pills put them in the text), Markdown.
 */
export const groupDay: readonly Line[] = [
  { key: 'panen', who: 'sari', text: 'Selamat pagi semua! ☀️ Panen minggu ini sudah masuk gudang: **1,2 ton** ceri merah.' },
  { key: 'jemur', who: 'budi', text: 'Pagi, Bu Sari. Penjemuran sudah mulai jam 6 tadi, cuacanya cerah.' },
  { key: 'pesan', who: 'dewi', text: 'Mantap! Kafe kami butuh 50 kg arabika sangrai untuk bulan depan. Bisa?' },
  { key: 'cek', who: 'sari', text: 'Bisa, Bu Dewi. Budi Santoso, tolong cek stok green bean di gudang ya.', replyTo: 'pesan', mentions: ['budi'] },
  { key: 'stok', who: 'budi', text: 'Siap, Bu. Stok green bean 420 kg, cukup untuk pesanan kafe.', replyTo: 'cek' },
  { key: 'laporan', who: 'hendra', text: 'Laporan keuangan kuartal III sudah saya baca. Margin naik **12%**, kerja bagus tim! 👏' },
  { key: 'usul', who: 'hendra', text: 'Usul: sebagian SHU kita pakai untuk mesin sangrai. Sudah saya ajukan di tab Koperasi, silakan beri suara.' },
  { key: 'setuju', who: 'dewi', text: 'Setuju, sangrai sendiri bikin rasa lebih konsisten.', replyTo: 'usul' },
  { key: 'salah', who: 'dewi', text: 'Eh, ini harusnya ke grup kafe 😅' },
  { key: 'latih', who: 'budi', text: 'Besok pagi ada pelatihan sortasi biji di balai desa jam 8. Hendra Wijaya ikut?', mentions: ['hendra'] },
  { key: 'ikut', who: 'hendra', text: 'Ikut, Mas Budi. Saya bawa timbangan digital yang baru.', replyTo: 'latih' },
  { key: 'rapat', who: 'sari', text: 'Pengingat: rapat anggota **Sabtu jam 9** di balai desa. Hasil usulan simpanan wajib sudah ada di tab Koperasi.' },
  { key: 'malam', who: 'sari', text: 'Selamat malam, terima kasih kerja kerasnya hari ini 🙏' },
];

/** Who reacts to which line, with what. */
const reactions: readonly [Who, string, string][] = [
  ['budi', 'panen', '👍'],
  ['dewi', 'panen', '☕'],
  ['hendra', 'panen', '🎉'],
  ['sari', 'stok', '👍'],
  ['dewi', 'stok', '🙏'],
  ['sari', 'laporan', '❤️'],
  ['budi', 'laporan', '👍'],
  ['budi', 'rapat', '👍'],
  ['dewi', 'rapat', '👍'],
  ['hendra', 'rapat', '👍'],
];

/** Budi corrects the stock once he has counted the order for Jogja. */
const correction = { key: 'stok', text: 'Siap, Bu. Stok green bean 380 kg (sudah dikurangi pesanan Jogja), masih cukup untuk pesanan kafe.' } as const;
/** Dewi takes back what she meant for another group. */
const deleted = 'salah';

const direct = [
  ['sari', 'Bud, nanti sore bisa mampir ke kantor koperasi? Ada kuitansi pupuk yang perlu ditandatangani.'],
  ['budi', 'Bisa, Bu. Sekitar jam 4 ya, setelah penjemuran ditutup.'],
  ['sari', 'Oke, terima kasih 👍'],
] as const;

/** The group room (encrypted, as every room Rembuk makes) with its day of conversation. */
export const seedGroupRoom = async (cores: MemberCores, talk: RoomTalk, state: StateFile): Promise<void> => {
  if (state.read().groupRoomId !== undefined) {
    return;
  }
  const sari = await cores.core('sari');
  const invite = demoMembers.filter((member) => member.localpart !== 'sari').map((member) => cores.userId(member.localpart));
  const { roomId } = await sari.bridge.invoke('room:create', { name: demoNames.groupRoom, topic: 'Obrolan harian anggota koperasi', invite });
  const members = await Promise.all(demoMembers.map((member) => cores.core(member.localpart)));
  await Promise.all(members.map((core) => talk.join(core, roomId)));
  const ids = new Map<string, string>();
  for (const line of groupDay) {
    const core = await cores.core(line.who);
    const replyTo = line.replyTo === undefined ? undefined : ids.get(line.replyTo);
    const mentions = (line.mentions ?? []).map((who) => ({ userId: cores.userId(who), name: memberByName(who).displayName }));
    ids.set(line.key, await talk.send(core, roomId, line.text, { replyTo, mentions }));
  }
  const idOf = (key: string): string => ids.get(key) ?? '';
  await Promise.all(reactions.map(async ([who, key, emoji]) => talk.react(await cores.core(who), roomId, idOf(key), emoji)));
  await (await cores.core('budi')).bridge.invoke('message:edit', { roomId, eventId: idOf(correction.key), body: correction.text, mentions: [] });
  await (await cores.core('dewi')).bridge.invoke('message:redact', { roomId, eventId: idOf(deleted) });
  await state.update({ groupRoomId: roomId });
};

/** Sari and Budi's direct chat. */
export const seedDirectChat = async (cores: MemberCores, talk: RoomTalk, state: StateFile): Promise<void> => {
  if (state.read().directRoomId !== undefined) {
    return;
  }
  const sari = await cores.core('sari');
  const budi = await cores.core('budi');
  const { roomId } = await sari.bridge.invoke('room:createDirect', { userId: budi.userId });
  await talk.join(budi, roomId);
  for (const [who, text] of direct) {
    await talk.send(who === 'sari' ? sari : budi, roomId, text);
  }
  await state.update({ directRoomId: roomId });
};
