import { describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { roomEntry } from '../../test/fixtures.ts';
import { createRoomsStore } from './rooms-store.ts';

const setup = () => {
  const bridge = createFakeBridge();
  bridge.handle('rooms:subscribe', () => ok({ subscription: 'rooms-1' }));
  bridge.handle('stream:unsubscribe', () => ok(null));
  bridge.handle('stream:resync', () => ok(null));
  return { bridge, rooms: createRoomsStore(bridge) };
};

describe('rooms store', () => {
  it('shows the list in the order main streams it', async () => {
    const { bridge, rooms } = setup();
    await rooms.start();
    expect(rooms.store.getState().loaded).toBe(false);
    bridge.emit('rooms:batch', { subscription: 'rooms-1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('!b:x'), roomEntry('!a:x')] }] });
    bridge.emit('rooms:batch', { subscription: 'rooms-1', seq: 1, ops: [{ op: 'set', index: 1, value: roomEntry('!a:x', { unread: 2 }) }] });
    const state = rooms.store.getState();
    expect(state.loaded).toBe(true);
    expect(state.rooms.map((room) => [room.id, room.unread])).toEqual([
      ['!b:x', 0],
      ['!a:x', 2],
    ]);
  });

  it('asks for a resync on a gap', async () => {
    const { bridge, rooms } = setup();
    await rooms.start();
    bridge.emit('rooms:batch', { subscription: 'rooms-1', seq: 0, ops: [{ op: 'reset', values: [] }] });
    bridge.emit('rooms:batch', { subscription: 'rooms-1', seq: 3, ops: [] });
    expect(bridge.callsTo('stream:resync')).toEqual([{ subscription: 'rooms-1' }]);
  });

  it('reports a failed subscribe', async () => {
    const { bridge, rooms } = setup();
    bridge.handle('rooms:subscribe', () => ({ ok: false, error: { code: 'not_signed_in' } }));
    await rooms.start();
    expect(rooms.store.getState().error).toBe('not_signed_in');
  });

  it('opens the room after accepting an invite, and forgets a declined one', async () => {
    const { bridge, rooms } = setup();
    bridge.handle('invite:accept', () => ok(null));
    bridge.handle('invite:decline', () => ok(null));
    await rooms.acceptInvite('!a:x');
    expect(rooms.store.getState().selectedRoomId).toBe('!a:x');
    await rooms.declineInvite('!a:x');
    expect(rooms.store.getState().selectedRoomId).toBeNull();
    expect(bridge.callsTo('invite:accept')).toEqual([{ roomId: '!a:x' }]);
  });

  it('opens rooms it creates, and keeps the selection on failure', async () => {
    const { bridge, rooms } = setup();
    bridge.handle('room:create', () => ok({ roomId: '!new:x' }));
    bridge.handle('room:createDirect', () => ({ ok: false, error: { code: 'user_not_found' } }));
    const created = await rooms.createRoom({ name: 'Rapat', invite: ['@a:x'] });
    expect(created).toEqual({ ok: true, value: { roomId: '!new:x' } });
    expect(bridge.callsTo('room:create')).toEqual([{ name: 'Rapat', invite: ['@a:x'] }]);
    expect(rooms.store.getState().selectedRoomId).toBe('!new:x');
    const direct = await rooms.createDirect('@nobody:x');
    expect(direct.ok).toBe(false);
    expect(rooms.store.getState().selectedRoomId).toBe('!new:x');
  });

  it('unsubscribes and clears everything on stop', async () => {
    const { bridge, rooms } = setup();
    await rooms.start();
    bridge.emit('rooms:batch', { subscription: 'rooms-1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('!a:x')] }] });
    rooms.select('!a:x');
    rooms.stop();
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 'rooms-1' }]);
    expect(rooms.store.getState()).toMatchObject({ rooms: [], loaded: false, selectedRoomId: null });
  });
});
