/**
 * The charter a new co-op starts from: the four FairShares-style kelompok of a
 * multi-stakeholder co-op (Permenkop UKM 8/2021) and two decision types. The creator edits
 * the weights to match the co-op's Anggaran Dasar before sending it.
 */
import { charterError, type Charter } from './protocol.ts';

export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = { pendiri: 2500, pekerja: 2500, pengguna: 2500, investor: 2500 };

/** A valid charter with the default classes and decision types; throws when `weights` name an unknown class or do not sum to 10000. */
export const defaultCharter = (weights: Readonly<Record<string, number>> = DEFAULT_WEIGHTS): Charter => {
  const unknown = Object.keys(weights).find((id) => !Object.hasOwn(DEFAULT_WEIGHTS, id));
  if (unknown !== undefined) {
    throw new RangeError(`default charter: unknown class ${unknown}`);
  }
  const weight = (id: string): number => (Object.hasOwn(weights, id) ? weights[id] : undefined) ?? DEFAULT_WEIGHTS[id] ?? 0;
  const charter: Charter = {
    v: 1,
    version: 1,
    name: { id: 'Anggaran dasar koperasi', en: 'Co-op charter' },
    classes: [
      { id: 'pendiri', name: { id: 'Pendiri', en: 'Founders' }, weight_bps: weight('pendiri') },
      { id: 'pekerja', name: { id: 'Pekerja', en: 'Workers' }, weight_bps: weight('pekerja') },
      { id: 'pengguna', name: { id: 'Pengguna', en: 'Users' }, weight_bps: weight('pengguna') },
      { id: 'investor', name: { id: 'Investor', en: 'Investors' }, weight_bps: weight('investor') },
    ],
    decision_types: {
      biasa: {
        name: { id: 'Keputusan biasa', en: 'Ordinary decision' },
        threshold: { num: 1, den: 2, strict: true },
        class_quorum_bps: { pendiri: 1000, pekerja: 1000, pengguna: 1000, investor: 1000 },
        below_quorum: 'drop',
        require_majority_in_each_class: false,
      },
      khusus: {
        name: { id: 'Keputusan khusus', en: 'Special decision' },
        threshold: { num: 2, den: 3, strict: false },
        // Users are many and rarely all vote; a half-turnout bar would make special decisions unreachable.
        class_quorum_bps: { pendiri: 5000, pekerja: 5000, pengguna: 1000, investor: 5000 },
        below_quorum: 'fail',
        require_majority_in_each_class: true,
      },
    },
    without_votes: 'drop',
    power: { propose: 0, close: 50, registry: 50 },
  };
  const error = charterError(charter);
  if (error !== null) {
    throw new RangeError(`default charter: ${error}`);
  }
  return charter;
};
