import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { EVENT, HELLO, INVOKE } from '../ipc/ipc-names.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;
/** What a hostile or buggy page could call, past the types. */
type Untyped = {
  invoke: (channel: unknown, input: unknown) => Promise<unknown>;
  on: (channel: unknown, listener: unknown) => () => void;
};

// What the preload can reach of Electron, faked: the tests see what it exposes and what it sends.
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, Listener[]>(),
  sent: [] as unknown[][],
  invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fake.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    on: (channel: string, listener: Listener) => {
      fake.listeners.set(channel, [...(fake.listeners.get(channel) ?? []), listener]);
    },
    send: (...args: unknown[]) => {
      fake.sent.push(args);
    },
    invoke: fake.invoke,
  },
}));

const load = async (): Promise<Bridge> => {
  vi.resetModules();
  fake.exposed.clear();
  fake.listeners.clear();
  fake.sent.length = 0;
  await import('./index.ts');
  return fake.exposed.get('rembuk') as Bridge;
};

const push = (channel: unknown, payload: unknown): void => {
  for (const listener of fake.listeners.get(EVENT) ?? []) {
    listener({ sender: 'the IPC event must never reach the page' }, channel, payload);
  }
};

describe('preload', () => {
  beforeEach(() => {
    fake.invoke.mockReset();
  });

  it('exposes only invoke and on, then says hello', async () => {
    const bridge = await load();
    expect([...fake.exposed.keys()]).toEqual(['rembuk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(fake.sent).toEqual([[HELLO]]);
  });

  it('forwards known requests untouched and returns main’s answer', async () => {
    const bridge = await load();
    fake.invoke.mockResolvedValue({ ok: true, value: null });
    await expect(bridge.invoke('session:get', {})).resolves.toEqual({ ok: true, value: null });
    expect(fake.invoke).toHaveBeenCalledWith(INVOKE, 'session:get', {});
  });

  it('answers what is not a channel name itself, and leaves names the contract lacks to main', async () => {
    const bridge = await load();
    const { invoke } = bridge as unknown as Untyped;
    await expect(invoke(42, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    await expect(invoke({ toString: () => 'session:get' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    await expect(invoke('x'.repeat(101), {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(fake.invoke).not.toHaveBeenCalled();
    // Main's dispatcher refuses these (main/core/ipc/dispatcher.test.ts); the preload passes its answer on.
    fake.invoke.mockResolvedValue({ ok: false, error: { code: 'unknown_channel', detail: 'nope' } });
    await expect(invoke('nope', {})).resolves.toEqual({ ok: false, error: { code: 'unknown_channel', detail: 'nope' } });
    expect(fake.invoke).toHaveBeenCalledWith(INVOKE, 'nope', {});
  });

  it('turns IPC failures into results', async () => {
    const bridge = await load();
    fake.invoke.mockRejectedValueOnce(new Error('An object could not be cloned.'));
    await expect(bridge.invoke('session:get', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    fake.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(bridge.invoke('session:get', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers events by channel, payload only, until unsubscribed', async () => {
    const bridge = await load();
    const seen: unknown[][] = [];
    const off = bridge.on('connection:changed', (...args: unknown[]) => seen.push(args));
    push('connection:changed', { state: 'signedOut' });
    push('session:changed', null);
    push(7, 'junk');
    off();
    push('connection:changed', { state: 'late' });
    expect(seen).toEqual([[{ state: 'signedOut' }]]);
    expect(fake.listeners.get(EVENT)).toHaveLength(1);
  });

  it('ignores subscriptions that are not a name and a function, and keeps going when a listener throws', async () => {
    const bridge = await load();
    const { on } = bridge as unknown as Untyped;
    expect(typeof on(7, () => undefined)).toBe('function');
    expect(typeof on('session:changed', 'not a function')).toBe('function');
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: unknown[] = [];
    bridge.on('session:changed', () => {
      throw new Error('boom');
    });
    bridge.on('session:changed', (payload) => seen.push(payload));
    push('session:changed', null);
    expect(seen).toEqual([null]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });
});
