import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoopView } from '../../../../shared/model/coop.ts';
import { coopView, proposalView } from '../../test/coop-fixtures.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render, type } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { toLocalInput } from './closing-time.ts';
import { CoopPane } from './CoopPane.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const DAY = 24 * 60 * 60 * 1000;

const settle = (): Promise<void> =>
  act(async () => {
    await flush();
  });

const choose = (element: HTMLElement, value: string): Promise<void> =>
  act(async () => {
    (element as HTMLSelectElement).value = value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
  });

const setup = async (extra: Partial<CoopView> = {}, language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  const summary = (id: string, closesAt: number, closed: boolean) => ({
    ...proposalView({ id, title: id, closesAt, closed, outcome: closed ? ('passed' as const) : ('open' as const) }),
  });
  bridge.handle('coop:get', () =>
    ok(
      coopView({
        proposals: [
          summary('$old', Date.now() - 3 * DAY, true),
          summary('$later', Date.now() + 5 * DAY, false),
          summary('$soon', Date.now() + 2 * DAY + 3 * 3_600_000 + 60_000, false),
          summary('$older', Date.now() - 9 * DAY, true),
        ],
        ...extra,
      }),
    ),
  );
  bridge.handle('coop:assignClass', () => ok(null));
  bridge.handle('coop:setSecretary', () => ok(null));
  bridge.handle('coop:propose', () => ok({ proposalId: '$new' }));
  bridge.handle('coop:proposal', ({ proposalId }) => ok(proposalView({ id: proposalId })));
  bridge.handle('room:invite', () => ok(null));
  const app = createTestApp(bridge);
  app.stores.coop.showTab('coop');
  app.stores.coop.select('!coop:x');
  await flush();
  view = render(<CoopPane />, app.stores, language);
  return { bridge, app, view };
};

describe('CoopOverview', () => {
  it('lists open proposals first, soonest deadline on top, with time left or the outcome', async () => {
    const { view } = await setup();
    expect(view.byTestId('coop-view').dataset.roomId).toBe('!coop:x');
    const rows = view.allByTestId('proposal-row');
    expect(rows.map((row) => row.dataset.proposalId)).toEqual(['$soon', '$later', '$old', '$older']);
    expect(rows[0]!.textContent).toContain('Keputusan biasa');
    expect(rows[0]!.querySelector('[data-testid="proposal-row-status"]')?.textContent).toBe('sisa 2 hari 3 jam');
    expect(rows[2]!.querySelector('[data-testid="proposal-row-status"]')?.textContent).toBe('ditutup — Diterima');
  });

  it('opens a proposal when its row is clicked', async () => {
    const { bridge, view } = await setup();
    await click(view.allByTestId('proposal-row')[1]!.querySelector('button')!);
    await settle();
    expect(bridge.callsTo('coop:proposal')).toEqual([{ roomId: '!coop:x', proposalId: '$later' }]);
    expect(view.byTestId('proposal-view').dataset.proposalId).toBe('$later');
  });

  it('shows the charter in plain words', async () => {
    const { view } = await setup({}, 'en');
    const charter = view.byTestId('coop-charter');
    expect(charter.textContent).toContain('Workers carry 35 % of every decision.');
    expect(charter.textContent).toContain('Passes when weighted support is at least 2/3 (66.67 %).');
    expect(charter.textContent).toContain('If any class misses its quorum, the proposal fails.');
  });

  it('groups members by class, and lets the registry keeper move them', async () => {
    const { bridge, view } = await setup();
    const groups = view.allByTestId('coop-member-group');
    expect(groups.map((group) => group.dataset.classId)).toEqual(['pendiri', 'pekerja', 'pengguna', 'investor', '']);
    expect(groups[4]!.textContent).toContain('Belum masuk kelompok');
    const ani = view.allByTestId('coop-member-row').find((row) => row.dataset.userId === '@ani:example.org')!;
    expect(ani.closest('[data-testid="coop-member-group"]')).toBe(groups[4]);
    const select = ani.querySelector<HTMLSelectElement>('[data-testid="coop-member-class"]')!;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'pendiri', 'pekerja', 'pengguna', 'investor']);
    expect(select.getAttribute('aria-label')).toBe('Kelompok Ani');
    await choose(select, 'pengguna');
    const budi = view.allByTestId('coop-member-row').find((row) => row.dataset.userId === '@budi:example.org')!;
    await choose(budi.querySelector('select')!, '');
    expect(bridge.callsTo('coop:assignClass')).toEqual([
      { roomId: '!coop:x', userId: '@ani:example.org', classId: 'pengguna' },
      { roomId: '!coop:x', userId: '@budi:example.org', classId: null },
    ]);
  });

  it('appoints and dismisses secretaries, and marks who is one', async () => {
    const { bridge, view } = await setup();
    const row = (userId: string) => view.allByTestId('coop-member-row').find((entry) => entry.dataset.userId === userId)!;
    expect(row('@sari:example.org').querySelector('[data-testid="coop-member-secretary"]')?.textContent).toBe('sekretaris');
    expect(row('@budi:example.org').querySelector('[data-testid="coop-member-secretary"]')).toBeNull();
    // Only joined members can be appointed: the invited Ani has no toggle.
    expect(row('@ani:example.org').querySelector('[data-testid="coop-member-secretary-toggle"]')).toBeNull();
    await click(row('@budi:example.org').querySelector<HTMLInputElement>('[data-testid="coop-member-secretary-toggle"]')!);
    expect(bridge.callsTo('coop:setSecretary')).toEqual([{ roomId: '!coop:x', userId: '@budi:example.org', secretary: true }]);
  });

  it('hides what the member may not do', async () => {
    const { view } = await setup({ canManageRegistry: false, canPropose: false, canInvite: false, canAppointSecretaries: false });
    expect(view.allByTestId('coop-member-secretary-toggle')).toHaveLength(0);
    expect(view.allByTestId('coop-member-class')).toHaveLength(0);
    expect(view.allByTestId('proposal-new')).toHaveLength(0);
    expect(view.allByTestId('coop-invite-member')).toHaveLength(0);
  });

  it('invites a member to the co-op', async () => {
    const { bridge, view } = await setup();
    await click(view.byTestId('coop-invite-member'));
    type(view.byTestId('coop-invite-user'), '@dewi:example.org');
    await click(view.byTestId('coop-invite-submit'));
    await settle();
    expect(bridge.callsTo('room:invite')).toEqual([{ roomId: '!coop:x', userId: '@dewi:example.org' }]);
    expect(view.allByTestId('coop-invite-user')).toHaveLength(0);
  });
});

describe('NewProposalDialog', () => {
  it('proposes a motion under the chosen decision type, then opens it', async () => {
    const { bridge, app, view } = await setup();
    await click(view.byTestId('proposal-new'));
    const decision = view.byTestId('proposal-decision') as HTMLSelectElement;
    expect([...decision.options].map((option) => option.textContent)).toEqual([
      'Keputusan biasa (lebih dari 1/2)',
      'Keputusan khusus (sekurang-kurangnya 2/3)',
    ]);
    const closesAt = view.byTestId('proposal-closes-at') as HTMLInputElement;
    expect(closesAt.type).toBe('datetime-local');
    const defaultClose = new Date(closesAt.value).getTime();
    expect(Math.abs(defaultClose - (Date.now() + 7 * DAY))).toBeLessThan(2 * 60_000);

    type(view.byTestId('proposal-title'), 'Beli traktor');
    type(view.byTestId('proposal-body'), 'Kita **perlu** traktor.');
    await choose(decision, 'khusus');
    const inAMonth = new Date(Date.now() + 30 * DAY);
    inAMonth.setHours(9, 30, 0, 0);
    type(closesAt, toLocalInput(inAMonth.getTime()));
    await click(view.byTestId('proposal-submit'));
    await settle();
    expect(bridge.callsTo('coop:propose')).toEqual([
      {
        roomId: '!coop:x',
        title: 'Beli traktor',
        body: 'Kita **perlu** traktor.',
        decisionType: 'khusus',
        kind: 'motion',
        options: [],
        closesAt: inAMonth.getTime(),
      },
    ]);
    expect(app.stores.coop.store.getState().proposalId).toBe('$new');
  });

  it('proposes options, refuses a closing time in the past, and shows the error translated', async () => {
    const { bridge, view } = await setup();
    await click(view.byTestId('proposal-new'));
    type(view.byTestId('proposal-title'), 'Warna logo');
    await choose(view.byTestId('proposal-kind'), 'options');
    expect(view.allByTestId('proposal-option')).toHaveLength(2);
    await click(view.byTestId('proposal-option-add'));
    const options = view.allByTestId('proposal-option');
    expect(options.map((option) => option.closest('label')?.textContent)).toEqual(['Pilihan 1', 'Pilihan 2', 'Pilihan 3']);
    type(options[0]!, 'Hijau');
    type(options[1]!, 'Biru ');
    await click(view.byTestId('proposal-submit'));
    expect(bridge.callsTo('coop:propose')).toEqual([]);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Isi setiap pilihan; paling sedikit dua pilihan.');

    await click(view.allByTestId('proposal-option-remove')[2]!);
    type(view.byTestId('proposal-closes-at'), '2001-01-01T10:00');
    await click(view.byTestId('proposal-submit'));
    expect(bridge.callsTo('coop:propose')).toEqual([]);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Waktu penutupan harus di masa depan, paling lama satu tahun lagi.');

    type(view.byTestId('proposal-closes-at'), toLocalInput(Date.now() + 3 * DAY));
    bridge.handle('coop:propose', () => ({ ok: false, error: { code: 'closing_time_invalid' } }));
    await click(view.byTestId('proposal-submit'));
    await settle();
    expect(bridge.callsTo('coop:propose')).toMatchObject([{ kind: 'options', options: ['Hijau', 'Biru'] }]);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('Waktu penutupan harus di masa depan, paling lama satu tahun lagi.');
  });
});
