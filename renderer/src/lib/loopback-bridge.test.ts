import { describe, expect, it } from 'vitest';
import type { SocketLike } from './loopback-bridge.ts';
import { LOOPBACK_PROTOCOL, createLoopbackTransport } from './loopback-bridge.ts';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly url: string;
  readonly protocols: string[];
  constructor(url: string, protocols: string[]) {
    this.url = url;
    this.protocols = protocols;
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: typeof message === 'string' ? message : JSON.stringify(message) }));
  }
  drop(): void {
    this.readyState = 3;
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close'));
  }
}

const setup = () => {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number }[] = [];
  const transport = createLoopbackTransport({
    url: 'ws://127.0.0.1:4000/bridge',
    secret: 's3cret',
    createSocket: (url, protocols) => {
      const socket = new FakeSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    setTimer: (callback, ms) => {
      timers.push({ callback, ms });
    },
  });
  const socket = (index = sockets.length - 1): FakeSocket => sockets[index]!;
  return { transport, sockets, timers, socket };
};

describe('loopback transport', () => {
  it('connects with the protocol and the secret as subprotocols', () => {
    const { socket } = setup();
    expect(socket().url).toBe('ws://127.0.0.1:4000/bridge');
    expect(socket().protocols).toEqual([LOOPBACK_PROTOCOL, 'secret.s3cret']);
  });

  it('queues requests made before the socket opens and sends them on open', async () => {
    const { transport, socket } = setup();
    const pending = transport.bridge.invoke('session:get', {});
    expect(socket().sent).toEqual([]);
    socket().open();
    expect(socket().sent).toEqual([{ id: 1, channel: 'session:get', input: {} }]);
    socket().receive({ id: 1, result: { ok: true, value: null } });
    await expect(pending).resolves.toEqual({ ok: true, value: null });
    expect(transport.status()).toBe('open');
  });

  it('matches responses to requests by id, in any order', async () => {
    const { transport, socket } = setup();
    socket().open();
    const first = transport.bridge.invoke('draft:get', { roomId: '!a:x' });
    const second = transport.bridge.invoke('draft:get', { roomId: '!b:x' });
    socket().receive({ id: 2, result: { ok: true, value: 'b' } });
    socket().receive({ id: 1, result: { ok: false, error: { code: 'room_not_found' } } });
    await expect(second).resolves.toEqual({ ok: true, value: 'b' });
    await expect(first).resolves.toEqual({ ok: false, error: { code: 'room_not_found' } });
  });

  it('delivers events to the listeners of their channel until they unsubscribe', () => {
    const { transport, socket } = setup();
    socket().open();
    const seen: unknown[] = [];
    const stop = transport.bridge.on('connection:changed', (payload) => seen.push(payload));
    transport.bridge.on('session:changed', () => seen.push('wrong channel'));
    socket().receive({ event: 'connection:changed', payload: { state: 'online' } });
    stop();
    socket().receive({ event: 'connection:changed', payload: { state: 'starting' } });
    expect(seen).toEqual([{ state: 'online' }]);
  });

  it('ignores frames that are not JSON or not ours', () => {
    const { transport, socket } = setup();
    socket().open();
    const seen: unknown[] = [];
    transport.bridge.on('connection:changed', (payload) => seen.push(payload));
    socket().receive('not json {');
    socket().receive({ id: 99, result: { ok: true, value: 1 } });
    socket().receive([1, 2]);
    expect(seen).toEqual([]);
  });

  it('resolves every pending request with a network error when the socket closes', async () => {
    const { transport, socket } = setup();
    socket().open();
    const a = transport.bridge.invoke('session:get', {});
    const b = transport.bridge.invoke('connection:get', {});
    socket().drop();
    await expect(a).resolves.toEqual({ ok: false, error: { code: 'network' } });
    await expect(b).resolves.toEqual({ ok: false, error: { code: 'network' } });
    expect(transport.status()).toBe('closed');
  });

  it('fails queued requests too when the first connection never opens', async () => {
    const { transport, socket } = setup();
    const queued = transport.bridge.invoke('session:get', {});
    socket().drop();
    await expect(queued).resolves.toEqual({ ok: false, error: { code: 'network' } });
  });

  it('fails fast while disconnected, then reconnects every 2 s and reports it', async () => {
    const { transport, sockets, timers, socket } = setup();
    const statuses: string[] = [];
    transport.onStatus((status) => statuses.push(status));
    socket().open();
    socket().drop();
    await expect(transport.bridge.invoke('session:get', {})).resolves.toEqual({ ok: false, error: { code: 'network' } });
    expect(timers.map((timer) => timer.ms)).toEqual([2000]);

    timers.shift()!.callback();
    expect(sockets).toHaveLength(2);
    socket().drop();
    timers.shift()!.callback();
    expect(sockets).toHaveLength(3);
    socket().open();
    expect(statuses).toEqual(['open', 'closed', 'open']);

    const again = transport.bridge.invoke('session:get', {});
    expect(socket().sent).toEqual([{ id: 1, channel: 'session:get', input: {} }]);
    socket().receive({ id: 1, result: { ok: true, value: null } });
    await expect(again).resolves.toEqual({ ok: true, value: null });
  });

  it('keeps event listeners across reconnects', () => {
    const { transport, timers, socket } = setup();
    const seen: unknown[] = [];
    transport.bridge.on('connection:changed', (payload) => seen.push(payload));
    socket().open();
    socket().drop();
    timers.shift()!.callback();
    socket().open();
    socket().receive({ event: 'connection:changed', payload: { state: 'online' } });
    expect(seen).toEqual([{ state: 'online' }]);
  });
});
