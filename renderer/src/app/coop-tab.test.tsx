import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CoopSummary } from '../../../shared/model/coop.ts';
import type { SystemNotifier } from '../lib/system-notifications.ts';
import { coopView, proposalView } from '../test/coop-fixtures.ts';
import { createFakeBridge, flush, ok } from '../test/fake-bridge.ts';
import { message, timelineBatch } from '../test/fixtures.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { MainLayout } from './MainLayout.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const settle = (): Promise<void> =>
  act(async () => {
    await flush();
  });

const setup = async () => {
  const bridge = createFakeBridge();
  let coops: CoopSummary[] = [{ roomId: '!coop:x', name: 'Koperasi Tani', openProposals: 2 }];
  bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
  bridge.handle('coop:list', () => ok(coops));
  bridge.handle('coop:get', ({ roomId }) => ok(coopView({ roomId, proposals: [proposalView()] })));
  bridge.handle('coop:proposal', ({ proposalId }) => ok(proposalView({ id: proposalId })));
  const requestPermission = vi.fn(() => Promise.resolve('granted' as const));
  const notifier: SystemNotifier = { permission: () => 'default', requestPermission, show: () => undefined };
  const app = createTestApp(bridge, 'open', { notifier });
  await app.stores.coop.start();
  view = render(<MainLayout />, app.stores);
  const setCoops = (next: CoopSummary[]): void => {
    coops = next;
  };
  return { bridge, app, view, requestPermission, setCoops };
};

describe('the Co-op tab', () => {
  it('switches the sidebar and the main pane between chats and co-ops', async () => {
    const { view, requestPermission } = await setup();
    expect(view.byTestId('tab-chats').getAttribute('aria-selected')).toBe('true');
    expect(view.byTestId('tab-coop').textContent).toBe('Koperasi');
    expect(view.allByTestId('room-list')).toHaveLength(1);
    expect(requestPermission).not.toHaveBeenCalled();

    await click(view.byTestId('tab-coop'));
    expect(view.byTestId('tab-coop').getAttribute('aria-selected')).toBe('true');
    expect(view.allByTestId('room-list')).toHaveLength(0);
    const row = view.byTestId('coop-row');
    expect([row.dataset.roomId, row.textContent]).toEqual(['!coop:x', 'KTKoperasi Tani2 usulan terbuka']);
    expect(view.allByTestId('coop-create')).toHaveLength(1);
    expect(requestPermission).toHaveBeenCalledTimes(1);

    await click(row.querySelector('button')!);
    await settle();
    expect(view.byTestId('coop-view').dataset.roomId).toBe('!coop:x');

    await click(view.byTestId('tab-chats'));
    await click(view.byTestId('tab-coop'));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(view.byTestId('coop-view').dataset.roomId).toBe('!coop:x');
  });

  it('follows coop:changed for the list', async () => {
    const { bridge, view, setCoops } = await setup();
    await click(view.byTestId('tab-coop'));
    setCoops([
      { roomId: '!coop:x', name: 'Koperasi Tani', openProposals: 0 },
      { roomId: '!b:x', name: 'Koperasi Nelayan', openProposals: 1 },
    ]);
    await act(async () => {
      bridge.emit('coop:changed', { roomId: null });
      await flush();
    });
    expect(view.allByTestId('coop-row').map((row) => row.dataset.roomId)).toEqual(['!coop:x', '!b:x']);
    expect(view.allByTestId('coop-row')[0]!.textContent).toContain('Tidak ada usulan terbuka');
  });

  it('shows a notice as a toast that opens its proposal in the Co-op tab', async () => {
    const { bridge, app, view } = await setup();
    act(() => {
      bridge.emit('coop:notice', {
        kind: 'newProposal',
        roomId: '!coop:x',
        coopName: 'Koperasi Tani',
        proposalId: '$p1',
        title: 'Beli traktor',
        closesAt: Date.now() + 1000,
      });
      bridge.emit('coop:notice', {
        kind: 'closingSoon',
        roomId: '!coop:x',
        coopName: 'Koperasi Tani',
        proposalId: '$p2',
        title: 'Pupuk',
        closesAt: Date.now() + 1000,
      });
    });
    const toasts = view.allByTestId('coop-notice');
    expect(toasts.map((toast) => toast.textContent)).toEqual(['Usulan baru di Koperasi Tani: Beli traktor', 'Pupuk ditutup dalam 24 jam']);
    await click(toasts[1]!.querySelector<HTMLElement>('[data-testid="coop-notice-dismiss"]')!);
    expect(view.allByTestId('coop-notice')).toHaveLength(1);

    await click(view.byTestId('coop-notice-open'));
    await settle();
    expect(app.stores.coop.store.getState()).toMatchObject({ tab: 'coop', selectedRoomId: '!coop:x', proposalId: '$p1' });
    expect(view.byTestId('proposal-view').dataset.proposalId).toBe('$p1');
    expect(view.allByTestId('coop-notice')).toHaveLength(0);
  });

  it('does not mark the open room read while the Co-op tab hides it', async () => {
    const { bridge, app } = await setup();
    // Only the stores matter here.
    view?.unmount();
    view = undefined;
    bridge.handle('timeline:subscribe', () => ok({ subscription: 't1' }));
    bridge.handle('room:details', ({ roomId }) =>
      ok({
        id: roomId,
        name: 'R',
        topic: null,
        memberCount: 1,
        isDirect: false,
        encrypted: false,
        canInvite: true,
        canRedactOthers: false,
        canMentionRoom: false,
        linkPreviews: true,
      }),
    );
    bridge.handle('room:markRead', () => ok(null));
    bridge.handle('draft:get', () => ok(''));
    await act(async () => {
      app.stores.rooms.select('!a:x');
      await flush();
    });
    act(() => {
      bridge.emit('timeline:batch', timelineBatch('t1', 0, [{ op: 'reset', values: [message('a')] }]));
    });
    expect(bridge.callsTo('room:markRead')).toHaveLength(1);

    act(() => {
      app.stores.coop.showTab('coop');
    });
    act(() => {
      bridge.emit('timeline:batch', timelineBatch('t1', 1, [{ op: 'append', values: [message('b')] }]));
    });
    app.windowFocused();
    expect(bridge.callsTo('room:markRead')).toHaveLength(1);

    act(() => {
      app.stores.coop.showTab('chats');
    });
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);
  });
});
