import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { coopView } from '../../test/coop-fixtures.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render, type } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { CreateCoopDialog } from './CreateCoopDialog.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const setup = (language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  bridge.handle('coop:create', () => ok({ roomId: '!new:x', spaceId: '!space:x' }));
  bridge.handle('coop:list', () => ok([]));
  bridge.handle('coop:get', () => ok(coopView({ roomId: '!new:x' })));
  const app = createTestApp(bridge);
  let closed = 0;
  view = render(<CreateCoopDialog onClose={() => (closed += 1)} />, app.stores, language);
  return { bridge, app, view, closed: () => closed };
};

const submit = async (element: HTMLElement): Promise<void> => {
  await click(element);
  await act(async () => {
    await flush();
  });
};

describe('CreateCoopDialog', () => {
  it('starts from an even split and labels every field', () => {
    const { view } = setup();
    for (const id of ['pendiri', 'pekerja', 'pengguna', 'investor']) {
      const input = view.byTestId(`coop-weight-${id}`) as HTMLInputElement;
      expect(input.value).toBe('25');
      expect(input.closest('label')?.textContent).toMatch(/\(%\)$/);
    }
    expect(view.byTestId('coop-weight-pekerja').closest('label')?.textContent).toBe('Pekerja (%)');
    expect(view.byTestId('coop-invite').closest('label')?.textContent).toContain('Undang anggota');
    expect(view.byTestId('coop-weight-sum').textContent).toBe('Jumlah: 100 %');
  });

  it('shows the running sum and refuses to send weights that do not add up to 100 %', async () => {
    const { bridge, view, closed } = setup();
    type(view.byTestId('coop-name'), 'Koperasi Tani');
    type(view.byTestId('coop-weight-pekerja'), '35');
    expect(view.byTestId('coop-weight-sum').textContent).toBe('Jumlah: 110 % — harus tepat 100 %');
    await submit(view.byTestId('coop-create-submit'));
    expect(bridge.callsTo('coop:create')).toEqual([]);
    expect(view.byTestId('coop-weight-error').textContent).toContain('110 %');
    expect(closed()).toBe(0);

    type(view.byTestId('coop-weight-pekerja'), '24,99');
    expect(view.byTestId('coop-weight-sum').textContent).toBe('Jumlah: 99,99 % — harus tepat 100 %');
    await submit(view.byTestId('coop-create-submit'));
    expect(bridge.callsTo('coop:create')).toEqual([]);
  });

  it('refuses a weight that is not a percentage', async () => {
    const { bridge, view } = setup('en');
    type(view.byTestId('coop-name'), 'Tani');
    type(view.byTestId('coop-weight-investor'), '25.125');
    expect(view.byTestId('coop-weight-investor').getAttribute('aria-invalid')).toBe('true');
    await submit(view.byTestId('coop-create-submit'));
    expect(bridge.callsTo('coop:create')).toEqual([]);
    expect(view.byTestId('coop-weight-error').textContent).toContain('exactly 100 %');
  });

  it('sends basis points and the invitees, then opens the new co-op', async () => {
    const { bridge, app, view, closed } = setup();
    type(view.byTestId('coop-name'), ' Koperasi Tani ');
    type(view.byTestId('coop-weight-pendiri'), '12,5');
    type(view.byTestId('coop-weight-pekerja'), '37.5');
    type(view.byTestId('coop-invite'), '@budi:example.org\n@sari:example.org, @budi:example.org');
    await submit(view.byTestId('coop-create-submit'));
    expect(bridge.callsTo('coop:create')).toEqual([
      {
        name: 'Koperasi Tani',
        weights: { pendiri: 1250, pekerja: 3750, pengguna: 2500, investor: 2500 },
        invite: ['@budi:example.org', '@sari:example.org'],
      },
    ]);
    expect(closed()).toBe(1);
    expect(app.stores.coop.store.getState()).toMatchObject({ tab: 'coop', selectedRoomId: '!new:x' });
  });

  it('names the invitees that are not Matrix IDs and sends nothing', async () => {
    const { bridge, view } = setup();
    type(view.byTestId('coop-name'), 'Tani');
    type(view.byTestId('coop-invite'), '@budi:example.org\nsari');
    await submit(view.byTestId('coop-create-submit'));
    expect(bridge.callsTo('coop:create')).toEqual([]);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe('ID Matrix ini tidak valid: sari');
  });

  it('shows a refusal from main in the member language', async () => {
    const { bridge, view } = setup();
    bridge.handle('coop:create', () => ({ ok: false, error: { code: 'invalid_charter' } }));
    type(view.byTestId('coop-name'), 'Tani');
    await submit(view.byTestId('coop-create-submit'));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Anggaran dasar ini tidak valid');
  });
});
