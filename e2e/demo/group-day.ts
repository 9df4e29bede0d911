import type { DemoMember } from './demo-members.ts';

type Who = DemoMember['localpart'];

/** One message of the day in the group room; `replyTo` names an earlier line's key. */
export type Line = { key: string; who: Who; text: string; replyTo?: string; mentions?: Who[] };

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
export const reactions: readonly [Who, string, string][] = [
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
export const correction = { key: 'stok', text: 'Siap, Bu. Stok green bean 380 kg (sudah dikurangi pesanan Jogja), masih cukup untuk pesanan kafe.' } as const;
/** Dewi takes back what she meant for another group. */
export const deleted = 'salah';

export const directChat = [
  ['sari', 'Bud, nanti sore bisa mampir ke kantor koperasi? Ada kuitansi pupuk yang perlu ditandatangani.'],
  ['budi', 'Bisa, Bu. Sekitar jam 4 ya, setelah penjemuran ditutup.'],
  ['sari', 'Oke, terima kasih 👍'],
] as const;
