import { describe, expect, it, vi } from 'vitest';
import { MAX_REQUEST_BYTES, requestChannels, type RequestChannel } from '../../../shared/ipc/contract.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../ports.ts';
import { Dispatcher, type Emit, type Handlers, type RequestContext } from './dispatcher.ts';

type Call = { channel: RequestChannel; input: unknown; context: RequestContext };

/** Every channel answers null and records its call; `overrides` replace single channels. */
const stubHandlers = (overrides: Partial<Handlers> = {}) => {
  const calls: Call[] = [];
  const stubs = Object.fromEntries(
    requestChannels.map((channel) => [
      channel,
      (input: unknown, context: RequestContext) => {
        calls.push({ channel, input, context });
        return Promise.resolve(null);
      },
    ]),
  ) as unknown as Handlers;
  return { handlers: { ...stubs, ...overrides }, calls };
};

const setup = (overrides: Partial<Handlers> = {}) => {
  const { handlers, calls } = stubHandlers(overrides);
  const logError = vi.fn();
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: logError };
  const dispatcher = new Dispatcher(handlers, logger);
  const emitted: [string, unknown][] = [];
  const emit: Emit = (channel, payload) => {
    emitted.push([channel, payload]);
  };
  const connection = dispatcher.connect(emit);
  return { dispatcher, connection, calls, logError, emitted };
};

const errorCodeOf = (result: { ok: boolean; error?: { code: string } }): string | undefined => result.error?.code;

describe('Dispatcher: channels', () => {
  it.each<[string, unknown]>([
    ['an unknown name', 'room:explode'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { channel: 'session:get' }],
    ['an array', ['session:get']],
    ['an object whose toString is not a function', { toString: 1 }],
    ['an object without a prototype', Object.create(null) as unknown],
  ])('answers unknown_channel for %s and calls no handler', async (_label, channel) => {
    const { connection, calls } = setup();
    const result = await connection.handle(channel, {});
    expect(result.ok).toBe(false);
    expect(errorCodeOf(result)).toBe('unknown_channel');
    expect(calls).toEqual([]);
  });

  it('routes a known channel to its own handler only', async () => {
    const { connection, calls } = setup();
    await expect(connection.handle('session:get', {})).resolves.toEqual({ ok: true, value: null });
    expect(calls.map((call) => call.channel)).toEqual(['session:get']);
  });
});

describe('Dispatcher: validation', () => {
  it.each<[string, RequestChannel, unknown, string]>([
    ['a wrong type', 'session:signIn', { homeserverUrl: 'example.org', username: 42, password: 'pw' }, 'username'],
    ['a missing field', 'message:send', { roomId: '!r:x' }, 'body'],
    ['a bad array element', 'room:create', { name: 'Team', invite: ['@ok:x', 'bad'] }, 'invite.1'],
    ['an extra key on a strict input', 'room:create', { name: 'Team', admin: true }, 'admin'],
    ['an extra key on an empty input', 'session:get', { sneaky: 1 }, 'sneaky'],
    ['a bad room id', 'draft:get', { roomId: 'no-bang' }, 'roomId'],
  ])('rejects %s with invalid_request naming it, before the handler', async (_label, channel, input, named) => {
    const { connection, calls } = setup();
    const result = await connection.handle(channel, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_request');
      expect(result.error.detail).toContain(named);
    }
    expect(calls).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'hello'],
    ['an array', []],
  ])('rejects %s as the argument object', async (_label, input) => {
    const { connection, calls } = setup();
    expect(errorCodeOf(await connection.handle('session:get', input))).toBe('invalid_request');
    expect(calls).toEqual([]);
  });

  it('rejects a request larger than MAX_REQUEST_BYTES before parsing it', async () => {
    const { connection, calls } = setup();
    const input = { roomId: '!r:x', text: 'x'.repeat(MAX_REQUEST_BYTES) };
    const result = await connection.handle('draft:set', input);
    expect(result).toEqual({ ok: false, error: { code: 'payload_too_large' } });
    expect(calls).toEqual([]);
  });

  it('counts bytes, not characters, towards the limit', async () => {
    const { connection } = setup();
    // Under the limit in UTF-16 units, over it in UTF-8 bytes (three bytes each).
    const text = '€'.repeat(Math.ceil(MAX_REQUEST_BYTES / 3) + 10);
    expect(text.length).toBeLessThan(MAX_REQUEST_BYTES);
    expect(errorCodeOf(await connection.handle('draft:set', { roomId: '!r:x', text }))).toBe('payload_too_large');
  });

  it('treats an input that cannot be serialised as too large', async () => {
    const { connection, calls } = setup();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(errorCodeOf(await connection.handle('session:get', circular))).toBe('payload_too_large');
    expect(calls).toEqual([]);
  });
});

describe('Dispatcher: handlers', () => {
  it('passes the parsed input: defaults applied and strings trimmed', async () => {
    const { connection, calls } = setup();
    await connection.handle('room:create', { name: '  Team  ' });
    await connection.handle('room:createDirect', { userId: '  @alice:example.org ' });
    await connection.handle('session:signIn', { homeserverUrl: ' example.org ', username: ' alice ', password: ' pw ' });
    expect(calls.map((call) => call.input)).toEqual([
      { name: 'Team', invite: [] },
      { userId: '@alice:example.org' },
      // Passwords are taken as typed: spaces can be part of them.
      { homeserverUrl: 'example.org', username: 'alice', password: ' pw ' },
    ]);
  });

  it('answers with the handler value', async () => {
    const { connection } = setup({ 'room:create': () => Promise.resolve({ roomId: '!new:x' }) });
    await expect(connection.handle('room:create', { name: 'Team' })).resolves.toEqual({ ok: true, value: { roomId: '!new:x' } });
  });

  it('gives the handler the id of the connection that asked', async () => {
    const { dispatcher, connection, calls } = setup();
    const other = dispatcher.connect(() => undefined, 'ws');
    await connection.handle('session:get', {});
    await other.handle('session:get', {});
    expect(calls.map((call) => call.context.connectionId)).toEqual([connection.id, other.id]);
    expect(other.id).toMatch(/^ws-/);
    expect(other.id).not.toBe(connection.id);
  });

  it('turns a RembukError into its code and detail', async () => {
    const { connection, logError } = setup({
      'room:details': () => Promise.reject(new RembukError('room_not_found', '!gone:x')),
    });
    const result = await connection.handle('room:details', { roomId: '!gone:x' });
    expect(result).toEqual({ ok: false, error: { code: 'room_not_found', detail: '!gone:x' } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns any other Error into internal and logs it', async () => {
    const boom = new Error('boom');
    const { connection, logError } = setup({ 'room:details': () => Promise.reject(boom) });
    const result = await connection.handle('room:details', { roomId: '!r:x' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', detail: 'boom' } });
    expect(logError).toHaveBeenCalledWith('request room:details failed', boom);
  });

  it('turns a handler that throws synchronously or throws a non-Error into internal', async () => {
    const { connection } = setup({
      'room:details': () => {
        throw new TypeError('sync');
      },
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error is the case under test
      'room:markRead': () => Promise.reject('a string'),
    });
    await expect(connection.handle('room:details', { roomId: '!r:x' })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', detail: 'sync' },
    });
    await expect(connection.handle('room:markRead', { roomId: '!r:x' })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', detail: undefined },
    });
  });
});

describe('Dispatcher: connections', () => {
  it('forwards events until the connection closes, then drops them', async () => {
    let captured: Emit | null = null;
    const { connection, emitted } = setup({
      'session:get': (_input, context) => {
        captured = context.emit;
        return Promise.resolve(null);
      },
    });
    await connection.handle('session:get', {});
    const emit = captured as Emit | null;
    expect(emit).not.toBeNull();
    emit?.('connection:changed', { state: 'online' });
    connection.close();
    emit?.('connection:changed', { state: 'signedOut' });
    expect(emitted).toEqual([['connection:changed', { state: 'online' }]]);
  });

  it('tells every listener about a close exactly once, with the connection id', () => {
    const { dispatcher, connection } = setup();
    const first = { onClose: vi.fn() };
    const second = { onClose: vi.fn() };
    dispatcher.addConnectionListener(first);
    dispatcher.addConnectionListener(second);
    connection.close();
    connection.close();
    expect(first.onClose).toHaveBeenCalledTimes(1);
    expect(first.onClose).toHaveBeenCalledWith(connection.id);
    expect(second.onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps forwarding to other connections when one closes', async () => {
    const emits = new Map<string, Emit>();
    const { dispatcher, connection, emitted } = setup({
      'session:get': (_input, context) => {
        emits.set(context.connectionId, context.emit);
        return Promise.resolve(null);
      },
    });
    const received: unknown[] = [];
    const other = dispatcher.connect((_channel, payload) => {
      received.push(payload);
    });
    await connection.handle('session:get', {});
    await other.handle('session:get', {});
    connection.close();
    emits.get(connection.id)?.('connection:changed', { state: 'online' });
    emits.get(other.id)?.('connection:changed', { state: 'online' });
    expect(emitted).toEqual([]);
    expect(received).toEqual([{ state: 'online' }]);
  });
});
