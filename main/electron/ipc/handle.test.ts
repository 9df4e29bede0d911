import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../core/app-core.ts';
import type { Connection, Emit } from '../../core/ipc/dispatcher.ts';
import { silentLogger } from '../../core/ports.ts';
import { registerIpc } from './handle.ts';
import { EVENT, HELLO, INVOKE } from './ipc-names.ts';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const fake = vi.hoisted(() => ({ handlers: new Map<string, Handler>(), listeners: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => {
      fake.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      fake.handlers.delete(channel);
    },
    on: (channel: string, listener: Handler) => {
      fake.listeners.set(channel, listener);
    },
    removeListener: (channel: string) => {
      fake.listeners.delete(channel);
    },
  },
}));

type FakeFrame = { url: string; parent: FakeFrame | null; processId: number; frameToken: string; detached: boolean };

const makeContents = (id: number, url = 'app://rembuk/') => {
  const events = new Map<string, (() => void)[]>();
  const mainFrame: FakeFrame = { url, parent: null, processId: 10 + id, frameToken: `token-${id}`, detached: false };
  const contents = {
    id,
    mainFrame,
    destroyed: false,
    sent: [] as unknown[][],
    isDestroyed: () => contents.destroyed,
    send: (...args: unknown[]) => contents.sent.push(args),
    on: (name: string, fn: () => void) => events.set(name, [...(events.get(name) ?? []), fn]),
    once: (name: string, fn: () => void) => events.set(name, [...(events.get(name) ?? []), fn]),
    fire: (name: string) => {
      for (const fn of events.get(name) ?? []) {
        fn();
      }
    },
  };
  return contents;
};
type FakeContents = ReturnType<typeof makeContents>;

const fakeCore = () => {
  const opened: { connection: Connection; emit: Emit; closed: boolean; handled: unknown[][] }[] = [];
  const core: AppCore = {
    start: () => Promise.resolve(),
    shutdown: () => Promise.resolve(),
    serveMedia: () => Promise.resolve({ status: 404, headers: {}, body: null }),
    connect: (emit) => {
      const entry = {
        emit,
        closed: false,
        handled: [] as unknown[][],
        connection: {
          id: `c${opened.length + 1}`,
          handle: (channel: unknown, input: unknown) => {
            entry.handled.push([channel, input]);
            return Promise.resolve({ ok: true as const, value: entry.connection.id });
          },
          close: () => {
            entry.closed = true;
          },
        },
      };
      opened.push(entry);
      return entry.connection;
    },
  };
  return { core, opened };
};

const invoke = (contents: FakeContents, channel: unknown, input: unknown, frame: FakeFrame | null = contents.mainFrame) =>
  fake.handlers.get(INVOKE)?.({ sender: contents, senderFrame: frame }, channel, input);
const hello = (contents: FakeContents, frame: FakeFrame | null = contents.mainFrame) => fake.listeners.get(HELLO)?.({ sender: contents, senderFrame: frame });

describe('registerIpc', () => {
  beforeEach(() => {
    fake.handlers.clear();
    fake.listeners.clear();
  });

  it('passes requests from our window to its connection', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    hello(contents);
    await expect(invoke(contents, 'session:get', {})).resolves.toEqual({ ok: true, value: 'c1' });
    expect(opened).toHaveLength(1);
    expect(opened[0]?.handled).toEqual([['session:get', {}]]);
  });

  it('opens a connection lazily if no hello came', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    await invoke(contents, 'session:get', {});
    await invoke(contents, 'settings:get', {});
    expect(opened).toHaveLength(1);
  });

  it('gives a reloaded document a fresh connection and closes the old one', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    hello(contents);
    await invoke(contents, 'rooms:subscribe', {});
    hello(contents);
    await expect(invoke(contents, 'rooms:subscribe', {})).resolves.toEqual({ ok: true, value: 'c2' });
    expect(opened.map((entry) => entry.closed)).toEqual([true, false]);
  });

  it.each([
    ['a window we did not attach', (contents: FakeContents) => invoke(makeContents(9), 'session:get', {}, contents.mainFrame)],
    ['a gone frame', (contents: FakeContents) => invoke(contents, 'session:get', {}, null)],
    ['a detached frame', (contents: FakeContents) => invoke(contents, 'session:get', {}, { ...contents.mainFrame, detached: true })],
    [
      'a subframe',
      (contents: FakeContents) =>
        invoke(contents, 'session:get', {}, { url: 'app://rembuk/', parent: contents.mainFrame, processId: 11, frameToken: 'sub', detached: false }),
    ],
    ['a foreign page', (contents: FakeContents) => invoke(contents, 'session:get', {}, { ...contents.mainFrame, url: 'https://evil.example/' })],
  ])('refuses %s', async (_name, call) => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    await expect(call(contents)).resolves.toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toHaveLength(0);
  });

  it('ignores a hello from a stranger', () => {
    const { core, opened } = fakeCore();
    registerIpc(core, silentLogger);
    hello(makeContents(3));
    expect(opened).toHaveLength(0);
  });

  it('sends events to the live window only', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    await invoke(contents, 'session:get', {});
    const emit = opened[0]?.emit;
    emit?.('session:changed', null);
    contents.destroyed = true;
    emit?.('session:changed', null);
    expect(contents.sent).toEqual([[EVENT, 'session:changed', null]]);
  });

  it('closes the connection when the renderer dies or the window goes', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    await invoke(contents, 'session:get', {});
    contents.fire('render-process-gone');
    expect(opened[0]?.closed).toBe(true);
    await invoke(contents, 'session:get', {});
    contents.fire('destroyed');
    expect(opened[1]?.closed).toBe(true);
    await expect(invoke(contents, 'session:get', {})).resolves.toEqual({ ok: false, error: { code: 'forbidden' } });
  });

  it('dispose stops answering and closes everything', async () => {
    const { core, opened } = fakeCore();
    const host = registerIpc(core, silentLogger);
    const contents = makeContents(1);
    host.attach(contents as never);
    await invoke(contents, 'session:get', {});
    host.dispose();
    expect(opened[0]?.closed).toBe(true);
    expect(fake.handlers.has(INVOKE)).toBe(false);
    expect(fake.listeners.has(HELLO)).toBe(false);
  });
});
