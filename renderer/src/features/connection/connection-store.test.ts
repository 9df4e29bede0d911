import { describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { createConnectionStore } from './connection-store.ts';

describe('connection store', () => {
  it('loads the state, follows connection:changed and the transport', async () => {
    const bridge = createFakeBridge();
    bridge.handle('connection:get', () => ok({ state: 'syncing', roomsLoaded: 3 }));
    const store = createConnectionStore(bridge, 'connecting');
    await store.load();
    expect(store.store.getState().connection).toEqual({ state: 'syncing', roomsLoaded: 3 });
    bridge.emit('connection:changed', { state: 'online' });
    expect(store.store.getState().connection).toEqual({ state: 'online' });
    store.setTransport('closed');
    expect(store.store.getState().transport).toBe('closed');
    store.dispose();
    expect(bridge.listenerCount('connection:changed')).toBe(0);
  });
});
