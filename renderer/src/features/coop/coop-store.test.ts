import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import type { CoopView } from '../../../../shared/model/coop.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { coopView, proposalView } from '../../test/coop-fixtures.ts';
import { createCoopStore } from './coop-store.ts';

const setup = () => {
  const bridge = createFakeBridge();
  bridge.handle('coop:list', () => ok([{ roomId: '!coop:x', name: 'Koperasi Tani', openProposals: 1 }]));
  bridge.handle('coop:get', ({ roomId }) => ok(coopView({ roomId })));
  bridge.handle('coop:proposal', ({ proposalId }) => ok(proposalView({ id: proposalId })));
  bridge.handle('coop:vote', () => ok(null));
  return { bridge, coop: createCoopStore(bridge) };
};

describe('coop store', () => {
  it('loads the list, and fetches it again on every coop:changed', async () => {
    const { bridge, coop } = setup();
    await coop.start();
    expect(coop.store.getState()).toMatchObject({ loaded: true, coops: [{ roomId: '!coop:x', openProposals: 1 }] });
    bridge.emit('coop:changed', { roomId: null });
    bridge.emit('coop:changed', { roomId: '!other:x' });
    await flush();
    expect(bridge.callsTo('coop:list')).toHaveLength(3);
    // Nothing selected: no co-op is fetched.
    expect(bridge.callsTo('coop:get')).toHaveLength(0);
  });

  it('fetches the selected co-op and its open proposal again when that co-op changes', async () => {
    const { bridge, coop } = setup();
    coop.select('!coop:x');
    await flush();
    coop.openProposal('$p1');
    await flush();
    expect(coop.store.getState().proposal?.id).toBe('$p1');
    bridge.emit('coop:changed', { roomId: '!other:x' });
    await flush();
    expect([bridge.callsTo('coop:get').length, bridge.callsTo('coop:proposal').length]).toEqual([1, 1]);
    bridge.emit('coop:changed', { roomId: '!coop:x' });
    await flush();
    expect(bridge.callsTo('coop:get')).toEqual([{ roomId: '!coop:x' }, { roomId: '!coop:x' }]);
    expect(bridge.callsTo('coop:proposal')).toEqual([
      { roomId: '!coop:x', proposalId: '$p1' },
      { roomId: '!coop:x', proposalId: '$p1' },
    ]);
  });

  it('keeps only the answer for the co-op still selected', async () => {
    const { bridge, coop } = setup();
    const pending = new Map<string, (result: IpcResult<CoopView>) => void>();
    bridge.handle('coop:get', ({ roomId }) => new Promise((resolve) => pending.set(roomId, resolve)));
    coop.select('!a:x');
    coop.select('!b:x');
    pending.get('!b:x')?.(ok(coopView({ roomId: '!b:x', name: 'B' })));
    await flush();
    pending.get('!a:x')?.(ok(coopView({ roomId: '!a:x', name: 'A' })));
    await flush();
    expect(coop.store.getState().view?.name).toBe('B');
  });

  it('opens the co-op it creates in the Co-op tab', async () => {
    const { bridge, coop } = setup();
    bridge.handle('coop:create', () => ok({ roomId: '!new:x', spaceId: '!s:x' }));
    const result = await coop.create({ name: 'Baru', weights: { pendiri: 10_000 }, invite: [] });
    expect(result.ok).toBe(true);
    await flush();
    expect(coop.store.getState()).toMatchObject({ tab: 'coop', selectedRoomId: '!new:x' });
    expect(bridge.callsTo('coop:get')).toEqual([{ roomId: '!new:x' }]);
  });

  it('votes, then shows the new count at once', async () => {
    const { bridge, coop } = setup();
    coop.select('!coop:x');
    coop.openProposal('$p1');
    await flush();
    await coop.vote('!coop:x', '$p1', ['setuju']);
    expect(bridge.callsTo('coop:vote')).toEqual([{ roomId: '!coop:x', proposalId: '$p1', answers: ['setuju'] }]);
    expect(bridge.callsTo('coop:proposal')).toHaveLength(2);
  });

  it('goes to the proposal of a notice, and back to the co-op when its row is clicked again', async () => {
    const { coop } = setup();
    coop.openFrom('!coop:x', '$p9');
    await flush();
    expect(coop.store.getState()).toMatchObject({ tab: 'coop', selectedRoomId: '!coop:x', proposalId: '$p9', proposal: { id: '$p9' } });
    coop.select('!coop:x');
    expect(coop.store.getState()).toMatchObject({ selectedRoomId: '!coop:x', proposalId: null, proposal: null });
  });

  it('forgets everything on reset, including answers still on their way', async () => {
    const { bridge, coop } = setup();
    let answer: (result: IpcResult<CoopView>) => void = () => undefined;
    bridge.handle('coop:get', () => new Promise((resolve) => (answer = resolve)));
    await coop.start();
    coop.showTab('coop');
    coop.select('!coop:x');
    coop.reset();
    answer(ok(coopView()));
    await flush();
    expect(coop.store.getState()).toMatchObject({ tab: 'chats', coops: [], loaded: false, selectedRoomId: null, view: null });
  });
});
