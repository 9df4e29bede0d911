import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/model/settings.ts';
import type { Transport, TransportStatus } from '../lib/loopback-bridge.ts';
import { createFakeBridge, flush, ok } from '../test/fake-bridge.ts';
import { session } from '../test/fixtures.ts';
import { createApp } from './create-app.ts';

const setup = (signedIn: boolean) => {
  const bridge = createFakeBridge();
  let signedInNow = signedIn;
  let subscriptions = 0;
  bridge.handle('session:get', () => ok(signedInNow ? session : null));
  bridge.handle('session:signIn', () => {
    signedInNow = true;
    return ok(session);
  });
  bridge.handle('session:signOut', () => {
    signedInNow = false;
    return ok(null);
  });
  bridge.handle('settings:get', () => ok({ language: 'en', privateReceipts: false }));
  bridge.handle('connection:get', () => ok({ state: 'online' }));
  bridge.handle('rooms:subscribe', () => ok({ subscription: `rooms-${++subscriptions}` }));
  bridge.handle('timeline:subscribe', () => ok({ subscription: `timeline-${++subscriptions}` }));
  bridge.handle('stream:unsubscribe', () => ok(null));
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
  bridge.handle('draft:get', () => ok('draft'));
  bridge.handle('draft:set', () => ok(null));

  const statusListeners = new Set<(status: TransportStatus) => void>();
  let status: TransportStatus = 'open';
  const transport: Transport = {
    bridge,
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
  const setStatus = (next: TransportStatus): void => {
    status = next;
    for (const listener of statusListeners) {
      listener(next);
    }
  };
  const applied: Language[] = [];
  const app = createApp({
    transport,
    systemLanguages: () => ['id-ID'],
    applyLanguage: (language) => applied.push(language),
    isFocused: () => true,
  });
  return { app, bridge, applied, setStatus };
};

describe('createApp', () => {
  it('starts: loads session, settings and connection, then streams the rooms', async () => {
    const { app, bridge, applied } = setup(true);
    await app.start();
    await flush();
    expect(app.stores.session.store.getState().status).toBe('signedIn');
    expect(applied).toEqual(['en']);
    expect(bridge.callsTo('rooms:subscribe')).toHaveLength(1);
    expect(app.stores.connection.store.getState().connection).toEqual({ state: 'online' });
  });

  it('streams nothing while signed out, and starts after sign-in', async () => {
    const { app, bridge } = setup(false);
    await app.start();
    expect(bridge.callsTo('rooms:subscribe')).toHaveLength(0);
    await app.stores.session.signIn({ homeserverUrl: 'https://m.x', username: 'sari', password: 'pw' });
    await flush();
    expect(bridge.callsTo('rooms:subscribe')).toHaveLength(1);
  });

  it('opens the timeline and the draft of the selected room, and closes both on sign-out', async () => {
    const { app, bridge } = setup(true);
    await app.start();
    app.stores.rooms.select('!a:x');
    await flush();
    expect(bridge.callsTo('timeline:subscribe')).toEqual([{ roomId: '!a:x' }]);
    expect(app.stores.composer.store.getState()).toMatchObject({ roomId: '!a:x', text: 'draft' });
    await app.stores.session.signOut();
    await flush();
    expect(app.stores.timeline.store.getState().roomId).toBeNull();
    expect(app.stores.composer.store.getState().roomId).toBeNull();
    expect(bridge.callsTo('stream:unsubscribe')).toHaveLength(2);
  });

  it('closes an open thread, and its composer, when another room is chosen', async () => {
    const { app, bridge } = setup(true);
    await app.start();
    app.stores.rooms.select('!a:x');
    await flush();
    await app.stores.thread.open('!a:x', '$root');
    await app.stores.threadComposer.load('!a:x', '$root');
    expect(bridge.callsTo('timeline:subscribe').at(-1)).toEqual({ roomId: '!a:x', threadRootId: '$root' });
    app.stores.rooms.select('!b:x');
    await flush();
    expect(app.stores.thread.store.getState()).toMatchObject({ roomId: null, threadRootId: null });
    expect(app.stores.threadComposer.store.getState()).toMatchObject({ roomId: null, threadRoot: null });
    // The thread's composer never touched the room's draft.
    expect(bridge.callsTo('draft:get')).toEqual([{ roomId: '!a:x' }, { roomId: '!b:x' }]);
  });

  it('restarts its streams after the link to main comes back', async () => {
    const { app, bridge, setStatus } = setup(true);
    await app.start();
    app.stores.rooms.select('!a:x');
    await flush();
    setStatus('closed');
    expect(app.stores.connection.store.getState().transport).toBe('closed');
    setStatus('open');
    await flush();
    await flush();
    expect(bridge.callsTo('session:get')).toHaveLength(2);
    expect(bridge.callsTo('rooms:subscribe')).toHaveLength(2);
    expect(bridge.callsTo('timeline:subscribe')).toHaveLength(2);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBe('!a:x');
  });

  it('does not reload on the first open of the link', async () => {
    const { app, bridge, setStatus } = setup(true);
    await app.start();
    setStatus('open');
    await flush();
    expect(bridge.callsTo('session:get')).toHaveLength(1);
  });
});
