import path from 'node:path';
import { demoNames } from './demo-members.ts';

/** What the demo's printout suggests trying, Indonesian first, English second. */
export const whatToTry = (demoDir: string): string => {
  const keys = path.join(demoDir, 'recovery-key-*.txt');
  return [
    '',
    'Yang bisa dicoba:',
    `  • "${demoNames.groupRoom}" (terenkripsi): balas, beri reaksi, sebut anggota dengan @, ubah atau hapus pesan sendiri.`,
    '  • Tab Koperasi: beri suara pada "Membeli mesin sangrai 5 kg" (Sari dan Budi belum memilih);',
    '    lihat hasil "Menaikkan simpanan wajib" per kelompok: pendiri, pekerja, pengguna, investor.',
    `  • "${demoNames.importRoom}": grup WhatsApp yang dipindahkan, dengan foto dan dokumennya, di bawah nama dan waktu aslinya.`,
    '  • Obrolan langsung Sari ↔ Budi; Ctrl+K untuk pindah ruang dengan cepat.',
    `  • Kunci pemulihan akun demo tersimpan di ${keys}.`,
    '',
    'What to try:',
    `  • "${demoNames.groupRoom}" (encrypted): reply, react, mention a member with @, edit or delete your own messages.`,
    '  • Co-op tab: vote on "Membeli mesin sangrai 5 kg" (buy a 5 kg roaster; Sari and Budi have not voted yet);',
    '    see the result of "Menaikkan simpanan wajib" (raise the monthly dues) per class: founders, workers, users, investors.',
    `  • "${demoNames.importRoom}": a WhatsApp group moved over, with its photos and documents, under their original senders and times.`,
    '  • The direct chat Sari ↔ Budi; Ctrl+K to switch rooms quickly.',
    `  • The demo accounts' recovery keys are saved in ${keys}.`,
    '',
  ].join('\n');
};
