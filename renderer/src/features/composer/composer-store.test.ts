import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { createComposerStore } from './composer-store.ts';

const setup = (drafts: Record<string, string> = {}) => {
  const bridge = createFakeBridge();
  bridge.handle('draft:get', ({ roomId }) => ok(drafts[roomId] ?? ''));
  bridge.handle('draft:set', () => ok(null));
  bridge.handle('message:send', () => ok({ itemId: 'local-1' }));
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  const composer = createComposerStore(bridge, {
    debounceMs: 300,
    setTimer: (callback) => {
      timers.set(++nextTimer, callback);
      return nextTimer;
    },
    clearTimer: (handle) => {
      timers.delete(handle as number);
    },
  });
  const runTimers = (): void => {
    const due = [...timers.values()];
    timers.clear();
    for (const callback of due) {
      callback();
    }
  };
  return { bridge, composer, timers, runTimers };
};

describe('composer store', () => {
  it('loads the draft of the room that opens', async () => {
    const { composer } = setup({ '!a:x': 'halo' });
    await composer.load('!a:x');
    expect(composer.store.getState()).toMatchObject({ roomId: '!a:x', text: 'halo' });
  });

  it('saves the draft once typing pauses', async () => {
    const { bridge, composer, timers, runTimers } = setup();
    await composer.load('!a:x');
    composer.setText('h');
    composer.setText('ha');
    composer.setText('hai');
    expect(timers.size).toBe(1);
    expect(bridge.callsTo('draft:set')).toEqual([]);
    runTimers();
    expect(bridge.callsTo('draft:set')).toEqual([{ roomId: '!a:x', text: 'hai' }]);
  });

  it('saves a pending draft at once on flush and on a room switch', async () => {
    const { bridge, composer, timers } = setup({ '!b:x': 'draft b' });
    await composer.load('!a:x');
    composer.setText('for a');
    await composer.load('!b:x');
    expect(bridge.callsTo('draft:set')).toEqual([{ roomId: '!a:x', text: 'for a' }]);
    expect(timers.size).toBe(0);
    expect(composer.store.getState().text).toBe('draft b');
    composer.setText('draft b!');
    composer.flush();
    composer.flush();
    expect(bridge.callsTo('draft:set')).toEqual([
      { roomId: '!a:x', text: 'for a' },
      { roomId: '!b:x', text: 'draft b!' },
    ]);
  });

  it('does not let a late draft overwrite what was typed', async () => {
    const { bridge, composer } = setup();
    let answer: (result: IpcResult<string>) => void = () => undefined;
    bridge.handle('draft:get', () => new Promise((resolve) => (answer = resolve)));
    const loading = composer.load('!a:x');
    composer.setText('typed first');
    answer(ok('old draft'));
    await loading;
    expect(composer.store.getState().text).toBe('typed first');
  });

  it('sends the trimmed text and clears the draft after success', async () => {
    const { bridge, composer, timers } = setup();
    await composer.load('!a:x');
    composer.setText('  halo semua \n');
    await composer.send();
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'halo semua' }]);
    expect(composer.store.getState()).toMatchObject({ text: '', sending: false });
    expect(bridge.callsTo('draft:set')).toEqual([{ roomId: '!a:x', text: '' }]);
    expect(timers.size).toBe(0);
  });

  it('does not send blank text', async () => {
    const { bridge, composer } = setup();
    await composer.load('!a:x');
    composer.setText(' \n ');
    await composer.send();
    expect(bridge.callsTo('message:send')).toEqual([]);
  });

  it('keeps the text and shows the error when sending fails', async () => {
    const { bridge, composer, runTimers } = setup();
    bridge.handle('message:send', () => ({ ok: false, error: { code: 'forbidden' } }));
    await composer.load('!a:x');
    composer.setText('halo');
    await composer.send();
    expect(composer.store.getState()).toMatchObject({ text: 'halo', error: 'forbidden', sending: false });
    runTimers();
    expect(bridge.callsTo('draft:set')).toEqual([{ roomId: '!a:x', text: 'halo' }]);
  });

  it('keeps what was typed while the send was on its way', async () => {
    const { bridge, composer } = setup();
    let answer: (result: IpcResult<{ itemId: string }>) => void = () => undefined;
    bridge.handle('message:send', () => new Promise((resolve) => (answer = resolve)));
    await composer.load('!a:x');
    composer.setText('first');
    const sending = composer.send();
    await flush();
    await composer.send();
    composer.setText('first second');
    answer(ok({ itemId: 'l1' }));
    await sending;
    expect(bridge.callsTo('message:send')).toHaveLength(1);
    expect(composer.store.getState().text).toBe('second');
  });

  it('sends a reply with replyTo and forgets it after sending; cancel drops it', async () => {
    const { bridge, composer } = setup();
    await composer.load('!a:x');
    composer.startReply({ eventId: '$o', senderName: 'Budi', excerpt: 'halo' });
    composer.cancel();
    expect(composer.store.getState().replyTo).toBeNull();
    composer.startReply({ eventId: '$o', senderName: 'Budi', excerpt: 'halo' });
    composer.setText('siap');
    await composer.send();
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'siap', replyTo: '$o' }]);
    expect(composer.store.getState().replyTo).toBeNull();
  });

  it('edits with message:edit and gives back what was typed before the edit, keeping no draft of the edit', async () => {
    const { bridge, composer, runTimers } = setup();
    bridge.handle('message:edit', () => ok(null));
    await composer.load('!a:x');
    composer.setText('draf');
    runTimers();
    composer.startEdit('$e', 'lama');
    composer.setText('baru');
    runTimers();
    expect(bridge.callsTo('draft:set')).toEqual([{ roomId: '!a:x', text: 'draf' }]);
    await composer.send();
    expect(bridge.callsTo('message:edit')).toEqual([{ roomId: '!a:x', eventId: '$e', body: 'baru' }]);
    expect(composer.store.getState()).toMatchObject({ editing: null, text: 'draf' });
    composer.startEdit('$e', 'lama');
    composer.cancel();
    expect(composer.store.getState()).toMatchObject({ editing: null, text: 'draf' });
  });

  it('sends only the mentions whose names are still in the text', async () => {
    const { bridge, composer } = setup();
    await composer.load('!a:x');
    composer.addMention({ userId: '@budi:x', name: 'Budi' });
    composer.addMention({ userId: '@sari:x', name: 'Sari' });
    composer.addMention({ userId: '@budi:x', name: 'Budi' });
    composer.setText('Budi, tolong');
    await composer.send();
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'Budi, tolong', mentions: [{ userId: '@budi:x', name: 'Budi' }] }]);
  });

  it('keeps who is typing per room and stops listening on dispose', () => {
    const { bridge, composer } = setup();
    bridge.emit('typing:changed', { roomId: '!a:x', names: ['Budi'] });
    bridge.emit('typing:changed', { roomId: '!b:x', names: ['Sari'] });
    expect(composer.store.getState().typing).toEqual({ '!a:x': ['Budi'], '!b:x': ['Sari'] });
    composer.dispose();
    expect(bridge.listenerCount('typing:changed')).toBe(0);
  });
});
