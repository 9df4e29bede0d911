import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { charter } from '../../test/coop-fixtures.ts';
import { charterWords, classShareWords, thresholdWords } from './charter-words.ts';

const id = createI18n('id').t;
const en = createI18n('en').t;

describe('charter in words', () => {
  it('says each class share of every decision, in both languages', () => {
    const workers = charter().classes[1]!;
    expect(classShareWords(workers, id, 'id')).toBe('Pekerja memegang 35 % dari setiap keputusan.');
    expect(classShareWords(workers, en, 'en')).toBe('Workers carry 35 % of every decision.');
    expect(classShareWords({ ...workers, weightBps: 3333 }, id, 'id')).toBe('Pekerja memegang 33,33 % dari setiap keputusan.');
    expect(classShareWords({ ...workers, weightBps: 3333 }, en, 'en')).toBe('Workers carry 33.33 % of every decision.');
  });

  it('says strict and non-strict thresholds as fractions', () => {
    const [biasa, khusus] = charter().decisionTypes;
    expect(thresholdWords(biasa!.threshold, id)).toBe('lebih dari 1/2');
    expect(thresholdWords(khusus!.threshold, id)).toBe('sekurang-kurangnya 2/3');
    expect(thresholdWords(biasa!.threshold, en)).toBe('more than 1/2');
    expect(thresholdWords(khusus!.threshold, en)).toBe('at least 2/3');
  });

  it('spells out every rule of each decision type', () => {
    const words = charterWords(charter(), id, 'id');
    expect(words.classes).toHaveLength(4);
    const khusus = words.decisionTypes[1]!;
    expect(khusus.name).toBe('Keputusan khusus');
    expect(khusus.sentences).toEqual([
      'Diterima bila dukungan berbobot sekurang-kurangnya 2/3 (66,67 %).',
      'Kuorum tiap kelompok (bagian anggota yang harus ikut memilih): Pendiri 50 %, Pekerja 50 %, Pengguna 10 %, Investor 50 %.',
      'Jika satu kelompok saja tidak mencapai kuorum, usulan tidak diterima.',
      'Setiap kelompok juga harus mayoritas setuju.',
    ]);
    expect(words.withoutVotes).toBe('Kelompok tanpa suara setuju atau tolak tidak dihitung; bobotnya dibagi ke kelompok lain.');
  });

  it('speaks English too, including the other choices of each rule', () => {
    const words = charterWords(charter({ withoutVotes: 'against' }), en, 'en');
    expect(words.decisionTypes[0]!.sentences).toEqual([
      'Passes when weighted support is more than 1/2 (50 %).',
      'Quorum per class (the share of its members who must take part): Founders 10 %, Workers 10 %, Users 10 %, Investors 10 %.',
      'A class below its quorum does not count; its weight goes to the other classes.',
      'A majority in each class is not required.',
    ]);
    expect(words.withoutVotes).toBe('A class where nobody votes for or against counts as 0 % support.');
  });
});
