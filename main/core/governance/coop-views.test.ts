import { describe, expect, it } from 'vitest';
import { charterView, fractionView, resultSummary } from './coop-views.ts';
import { defaultCharter } from './default-charter.ts';
import { rulesFor } from './protocol.ts';
import type { TallyResult } from './tally-types.ts';

const rules = rulesFor(defaultCharter(), 'biasa') as NonNullable<ReturnType<typeof rulesFor>>;

const result = (changes: Partial<TallyResult> = {}): TallyResult => ({
  closed: true,
  cutoffTs: 1000,
  endEventId: null,
  provisional: false,
  undecryptable: 0,
  classes: [],
  weightedSupport: { num: '221', den: '400' },
  outcome: 'passed',
  ...changes,
});

describe('coop views', () => {
  it('keeps the exact fraction and adds a unit-less percentage for the renderer to localise', () => {
    expect(fractionView({ num: '2', den: '3' })).toEqual({ num: '2', den: '3', percent: '66.67' });
  });

  it('names classes and decision types in both languages, with thresholds as exact fractions', () => {
    const view = charterView(defaultCharter({ pendiri: 2500, pekerja: 3500, pengguna: 3000, investor: 1000 }));
    expect(view.classes.map((entry) => [entry.id, entry.name.en, entry.weightBps])).toEqual([
      ['pendiri', 'Founders', 2500],
      ['pekerja', 'Workers', 3500],
      ['pengguna', 'Users', 3000],
      ['investor', 'Investors', 1000],
    ]);
    expect(view.decisionTypes.find((type) => type.id === 'khusus')?.threshold).toEqual({ num: '2', den: '3', percent: '66.67', strict: false });
  });

  it('states the result in both languages for clients that show only the end event’s text', () => {
    const text = resultSummary('Simpanan wajib', result(), rules);
    expect(text).toContain('Hasil: DITERIMA 55.25 % (221/400; > 1/2)');
    expect(text).toContain('Result: PASSED 55.25 % (221/400; > 1/2)');
    expect(resultSummary('Simpanan wajib', result({ outcome: 'tie', provisional: true, weightedSupport: { num: '1', den: '2' } }), rules)).toContain(
      'Result: TIE (not passed) 50.00 % (1/2; > 1/2) (sementara / provisional)',
    );
  });
});
