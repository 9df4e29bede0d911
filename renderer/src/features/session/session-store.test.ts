import { describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { session } from '../../test/fixtures.ts';
import { createSessionStore } from './session-store.ts';

const input = { homeserverUrl: 'https://matrix.example.org', username: 'sari', password: 'pw' };

describe('session store', () => {
  it('is unknown until main answers, then follows session:get', async () => {
    const bridge = createFakeBridge();
    bridge.handle('session:get', () => ok(session));
    const store = createSessionStore(bridge);
    expect(store.store.getState().status).toBe('unknown');
    await store.load();
    expect(store.store.getState()).toMatchObject({ status: 'signedIn', session });
  });

  it('stays unknown and keeps the error when main cannot be asked', async () => {
    const bridge = createFakeBridge();
    bridge.handle('session:get', () => ({ ok: false, error: { code: 'network' } }));
    const store = createSessionStore(bridge);
    await store.load();
    expect(store.store.getState()).toMatchObject({ status: 'unknown', error: 'network' });
  });

  it('signs in, showing busy meanwhile', async () => {
    const bridge = createFakeBridge();
    const store = createSessionStore(bridge);
    let busyDuringCall = false;
    bridge.handle('session:signIn', (received) => {
      busyDuringCall = store.store.getState().busy;
      expect(received).toEqual(input);
      return ok(session);
    });
    await store.signIn(input);
    expect(busyDuringCall).toBe(true);
    expect(store.store.getState()).toMatchObject({ status: 'signedIn', busy: false, error: null });
  });

  it('keeps the error code of a failed sign-in', async () => {
    const bridge = createFakeBridge();
    bridge.handle('session:get', () => ok(null));
    bridge.handle('session:signIn', () => ({ ok: false, error: { code: 'wrong_password' } }));
    const store = createSessionStore(bridge);
    await store.load();
    await store.signIn(input);
    expect(store.store.getState()).toMatchObject({ status: 'signedOut', busy: false, error: 'wrong_password' });
  });

  it('signs out, and follows session:changed pushed by main', async () => {
    const bridge = createFakeBridge();
    bridge.handle('session:get', () => ok(session));
    bridge.handle('session:signOut', () => ok(null));
    const store = createSessionStore(bridge);
    await store.load();
    await store.signOut();
    expect(store.store.getState()).toMatchObject({ status: 'signedOut', session: null });
    bridge.emit('session:changed', session);
    expect(store.store.getState().status).toBe('signedIn');
    bridge.emit('session:changed', null);
    expect(store.store.getState().status).toBe('signedOut');
  });
});
