/*
 * Class weights as the member types them: percentages with at most two decimals, which are
 * exactly basis points, so the sum check never meets a floating-point rounding.
 */

export const DEFAULT_CLASS_IDS = ['pendiri', 'pekerja', 'pengguna', 'investor'] as const;
export type DefaultClassId = (typeof DEFAULT_CLASS_IDS)[number];

export const TOTAL_BPS = 10_000;

const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?$/;

/** "35", "12,5" or "12.50" → basis points (3500, 1250, 1250); null for anything else or above 100 %. */
export const percentToBps = (text: string): number | null => {
  const match = PERCENT.exec(text.trim().replace(/\s*%$/, ''));
  if (match === null) {
    return null;
  }
  const bps = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bps <= TOTAL_BPS ? bps : null;
};

export type WeightCheck = {
  /** Basis points per class id, for the classes typed correctly. */
  weights: Record<string, number>;
  /** Classes whose field is not a percentage with at most two decimals. */
  invalid: DefaultClassId[];
  /** Sum of the valid fields, in basis points. */
  sumBps: number;
  /** Every field valid and the sum exactly 100 %. */
  ok: boolean;
};

export const checkWeights = (typed: Readonly<Record<DefaultClassId, string>>): WeightCheck => {
  const weights: Record<string, number> = {};
  const invalid: DefaultClassId[] = [];
  let sumBps = 0;
  for (const id of DEFAULT_CLASS_IDS) {
    const bps = percentToBps(typed[id]);
    if (bps === null) {
      invalid.push(id);
    } else {
      weights[id] = bps;
      sumBps += bps;
    }
  }
  return { weights, invalid, sumBps, ok: invalid.length === 0 && sumBps === TOTAL_BPS };
};
