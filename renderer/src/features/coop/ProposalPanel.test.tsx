import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProposalView } from '../../../../shared/model/coop.ts';
import { classTally, coopView, proposalView } from '../../test/coop-fixtures.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { CoopPane } from './CoopPane.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const settle = (): Promise<void> =>
  act(async () => {
    await flush();
  });

const setup = async (proposal: ProposalView, language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  let current = proposal;
  bridge.handle('coop:get', () => ok(coopView({ proposals: [current] })));
  bridge.handle('coop:proposal', () => ok(current));
  bridge.handle('coop:vote', ({ answers }) => {
    current = { ...current, myVote: answers.length === 0 ? null : answers };
    return ok(null);
  });
  bridge.handle('coop:close', () => {
    current = { ...current, closed: true, outcome: 'passed', tally: { ...current.tally, outcome: 'passed' } };
    return ok(null);
  });
  const app = createTestApp(bridge);
  app.stores.coop.openFrom('!coop:x', proposal.id);
  await flush();
  view = render(<CoopPane />, app.stores, language);
  return { bridge, app, view };
};

const label = (element: Element): string => element.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '';

describe('ProposalPanel: voting', () => {
  it('marks the current ballot, changes it, and withdraws it with an empty list', async () => {
    const { bridge, view } = await setup(proposalView({ myVote: ['setuju'] }));
    expect(view.byTestId('proposal-view').dataset.proposalId).toBe('$p1');
    const pressed = (): string[] => ['setuju', 'tolak', 'abstain'].filter((id) => view.byTestId(`vote-${id}`).getAttribute('aria-pressed') === 'true');
    expect(pressed()).toEqual(['setuju']);
    expect(view.byTestId('vote-setuju').textContent).toContain('Setuju');

    await click(view.byTestId('vote-setuju'));
    expect(bridge.callsTo('coop:vote')).toEqual([]);

    await click(view.byTestId('vote-tolak'));
    await settle();
    expect(bridge.callsTo('coop:vote')).toEqual([{ roomId: '!coop:x', proposalId: '$p1', answers: ['tolak'] }]);
    expect(pressed()).toEqual(['tolak']);

    await click(view.byTestId('vote-withdraw'));
    await settle();
    expect(bridge.callsTo('coop:vote')[1]).toEqual({ roomId: '!coop:x', proposalId: '$p1', answers: [] });
    expect(pressed()).toEqual([]);
    expect(view.allByTestId('vote-withdraw')).toHaveLength(0);
  });

  it('offers one button per option for an options proposal', async () => {
    const { bridge, view } = await setup(
      proposalView({
        kind: 'options',
        answers: [
          { id: 'a', text: 'Traktor' },
          { id: 'b', text: 'Kerbau' },
        ],
      }),
    );
    expect(view.byTestId('vote-b').textContent).toBe('Kerbau');
    await click(view.byTestId('vote-b'));
    expect(bridge.callsTo('coop:vote')).toEqual([{ roomId: '!coop:x', proposalId: '$p1', answers: ['b'] }]);
  });

  it('explains why a member outside the electorate cannot vote', async () => {
    const { view } = await setup(proposalView({ canVote: false }));
    const button = view.byTestId('vote-setuju') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = view.byTestId('vote-disabled-reason');
    expect(reason.textContent).toBe('Anda tidak termasuk pemilih usulan ini.');
    expect(button.getAttribute('aria-describedby')).toBe(reason.id);
  });

  it('shows the close button only to who may close, once the deadline has passed, and closes', async () => {
    const open = await setup(proposalView({ canClose: true }));
    expect(open.view.allByTestId('proposal-close')).toHaveLength(0);
    open.view.unmount();

    const { bridge, view } = await setup(proposalView({ canClose: true, closesAt: Date.now() - 1000 }));
    expect((view.byTestId('vote-setuju') as HTMLButtonElement).disabled).toBe(true);
    await click(view.byTestId('proposal-close'));
    await settle();
    expect(bridge.callsTo('coop:close')).toEqual([{ roomId: '!coop:x', proposalId: '$p1' }]);
    expect(view.byTestId('proposal-outcome').dataset.outcome).toBe('passed');
    expect(view.byTestId('proposal-outcome').textContent).toContain('Hasil akhir: Diterima');
    expect(view.allByTestId('vote-panel')).toHaveLength(0);
  });
});

describe('ProposalPanel: the count', () => {
  it('gives every bar its exact numbers as accessible text and tooltip', async () => {
    const { view } = await setup(proposalView());
    const [founders, workers] = view.allByTestId('class-tally');
    expect(founders!.dataset.classId).toBe('pendiri');
    const turnout = founders!.querySelector('[data-testid="turnout-bar"]')!;
    const support = founders!.querySelector('[data-testid="support-bar"]')!;
    expect(label(turnout)).toBe('Kehadiran Pendiri: 4 dari 4 memilih, kuorum 50 %');
    expect(label(support)).toBe('Dukungan Pendiri: dukungan 75 % (3/4) — 3 setuju, 1 tolak, 0 abstain');
    expect(turnout.getAttribute('title')).toBe(label(turnout));
    expect(founders!.getAttribute('title')).toContain('4 dari 4 memilih, kuorum 50 %; dukungan 75 % (3/4)');

    // A class that does not count is greyed out, with the reason in words.
    expect(workers!.className).toContain('not-counted');
    expect(workers!.querySelector('[data-testid="class-tally-reason"]')?.textContent).toBe('tidak dihitung: kuorum tidak tercapai');
    expect(label(workers!.querySelector('[data-testid="turnout-bar"]')!)).toBe(
      'Kehadiran Pekerja: 1 dari 10 memilih, kuorum 30 %; tidak dihitung: kuorum tidak tercapai',
    );

    const weighted = view.byTestId('weighted-support');
    expect(label(weighted)).toBe('Dukungan berbobot 55,25 % (221/400); ambang lebih dari 1/2');
    expect(weighted.getAttribute('title')).toBe(label(weighted));
    const marker = weighted.querySelector('line');
    expect(marker?.getAttribute('x1')).toBe('50');
  });

  it('says the numbers in English too', async () => {
    const { view } = await setup(proposalView(), 'en');
    const founders = view.allByTestId('class-tally')[0]!;
    expect(label(founders.querySelector('[data-testid="turnout-bar"]')!)).toBe('Founders turnout: 4 of 4 voted, quorum 50 %');
    expect(label(founders.querySelector('[data-testid="support-bar"]')!)).toBe('Founders support: support 75 % (3/4) — 3 agree, 1 disagree, 0 abstain');
    expect(label(view.byTestId('weighted-support'))).toBe('Weighted support 55.25 % (221/400); threshold more than 1/2');
  });

  it('shows option shares per class and the leading option', async () => {
    const { view } = await setup(
      proposalView({
        kind: 'options',
        answers: [
          { id: 'a', text: 'Traktor' },
          { id: 'b', text: 'Kerbau' },
        ],
        tally: {
          ...proposalView().tally,
          classes: [
            classTally('pendiri', {
              support: null,
              optionShares: { a: { num: '2', den: '3', percent: '66.67' }, b: { num: '1', den: '3', percent: '33.33' } },
            }),
          ],
          weightedSupport: null,
          optionShares: [
            { id: 'a', share: { num: '2', den: '3', percent: '66.67' } },
            { id: 'b', share: { num: '1', den: '3', percent: '33.33' } },
          ],
          winner: 'a',
        },
      }),
    );
    expect(label(view.byTestId('class-tally').querySelector('[data-testid="support-bar"]')!)).toBe(
      'Pilihan Pendiri: Traktor 66,67 % (2/3), Kerbau 33,33 % (1/3)',
    );
    expect(label(view.byTestId('weighted-support'))).toBe('Hasil berbobot: Traktor 66,67 % (2/3), Kerbau 33,33 % (1/3)');
    expect(view.byTestId('proposal-winner').textContent).toBe('Unggul sementara: Traktor');
  });

  it('says the count is running, provisional, or not counted at all', async () => {
    const { view } = await setup(proposalView({ invalid: true, tally: { ...proposalView().tally, provisional: true, undecryptable: 2 } }));
    const outcome = view.byTestId('proposal-outcome');
    expect([outcome.dataset.outcome, outcome.querySelector('p')?.textContent]).toEqual(['open', 'Masih dibuka — hitungan sementara']);
    expect(view.byTestId('provisional-warning').textContent).toBe('Beberapa suara belum dapat didekripsi; hasil ini sementara.');
    expect(view.byTestId('proposal-invalid').textContent).toContain('melanggar anggaran dasar');
  });

  it('states a final tie and a missed quorum', async () => {
    for (const [outcome, text] of [
      ['tie', 'Hasil akhir: Seri — tidak diterima'],
      ['no_quorum', 'Hasil akhir: Kuorum tidak tercapai'],
      ['rejected', 'Hasil akhir: Ditolak'],
    ] as const) {
      const { view } = await setup(proposalView({ closed: true, outcome, tally: { ...proposalView().tally, outcome } }));
      expect(view.byTestId('proposal-outcome').dataset.outcome).toBe(outcome);
      expect(view.byTestId('proposal-outcome').textContent).toBe(text);
      expect(view.byTestId('tally-chart').querySelector('h3')?.textContent).toBe('Hasil akhir per kelompok');
      view.unmount();
    }
    view = undefined;
  });
});

describe('ProposalPanel: the text', () => {
  it('renders the Markdown body without anything that could run', async () => {
    const { view } = await setup(
      proposalView({ body: 'Kita **perlu** traktor.\n\n<script>window.hacked = 1</script><img src=x onerror="window.hacked = 2">' }),
    );
    const body = view.byTestId('proposal-body');
    expect(body.querySelector('strong')?.textContent).toBe('perlu');
    expect(body.querySelector('script, img, [onerror]')).toBeNull();
    expect(body.innerHTML).not.toContain('hacked');
  });

  it('lists the rules it runs under in plain words', async () => {
    const { view } = await setup(proposalView());
    const rules = view.byTestId('proposal-rules');
    expect(rules.textContent).toContain('Diterima bila dukungan berbobot lebih dari 1/2 (50 %).');
    expect(view.allByTestId('proposal-rule-class').map((row) => row.textContent)).toEqual([
      'Pendiri: bobot 25 %, kuorum 10 %',
      'Pekerja: bobot 35 %, kuorum 10 %',
      'Pengguna: bobot 30 %, kuorum 10 %',
      'Investor: bobot 10 %, kuorum 10 %',
    ]);
    expect(view.byTestId('proposal-time-left').textContent).toMatch(/^sisa (1 hari 23 jam|2 hari)/);
  });

  it('goes back to the co-op', async () => {
    const { app, view } = await setup(proposalView());
    await click(view.byTestId('proposal-back'));
    expect(app.stores.coop.store.getState().proposalId).toBeNull();
    expect(view.allByTestId('coop-view')).toHaveLength(1);
  });
});
