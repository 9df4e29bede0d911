import { describe, expect, it, vi } from 'vitest';
import { requestChannels, type EventChannel, type EventPayload } from '../../../shared/ipc/contract.ts';
import type { Logger } from '../ports.ts';
import { ContractDriftError, noContractCheck, strictContractCheck, type ContractCheck } from './contract-check.ts';
import { Dispatcher, type Emit, type Handlers, type RequestContext } from './dispatcher.ts';

/** Handlers that all answer `answer`; `session:get` also hands out its emit for the event cases. */
const setup = (check: ContractCheck, answer: unknown) => {
  const seen: { emit: Emit | null } = { emit: null };
  const handlers = Object.fromEntries(
    requestChannels.map((channel) => [
      channel,
      (_input: unknown, context: RequestContext) => {
        seen.emit = context.emit;
        return Promise.resolve(answer);
      },
    ]),
  ) as Handlers;
  const logError = vi.fn();
  const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: logError };
  const dispatcher = new Dispatcher(handlers, logger, check);
  const emitted: [string, unknown][] = [];
  const connection = dispatcher.connect((channel, payload) => {
    emitted.push([channel, payload]);
  });
  const emitFromHandler = async (channel: EventChannel, payload: unknown): Promise<void> => {
    await connection.handle('connection:get', {});
    seen.emit?.(channel, payload as EventPayload<EventChannel>);
  };
  return { dispatcher, connection, logError, emitted, emitFromHandler };
};

describe('the contract check on answers', () => {
  it('lets an answer that matches the output schema through', async () => {
    const { connection, logError } = setup(strictContractCheck, { state: 'starting' });
    expect(await connection.handle('connection:get', {})).toEqual({ ok: true, value: { state: 'starting' } });
    expect(logError).not.toHaveBeenCalled();
  });

  it('turns a drifting answer into internal, naming the channel and the field, and logs a ContractDriftError', async () => {
    const { connection, logError } = setup(strictContractCheck, { state: 'syncing' });
    const result = await connection.handle('connection:get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', detail: expect.stringContaining('output of connection:get') as unknown } });
    expect(result.ok ? '' : result.error.detail).toContain('roomsLoaded');
    expect(logError).toHaveBeenCalledWith('request connection:get failed', expect.any(ContractDriftError));
  });

  it('is off without the check, as in the shipped app: the same answer goes through', async () => {
    const { connection } = setup(noContractCheck, { state: 'syncing' });
    expect(await connection.handle('connection:get', {})).toEqual({ ok: true, value: { state: 'syncing' } });
  });
});

describe('the contract check on events', () => {
  it('sends an event that matches its schema', async () => {
    const { emitted, emitFromHandler } = setup(strictContractCheck, { state: 'starting' });
    await emitFromHandler('connection:changed', { state: 'starting' });
    expect(emitted).toEqual([['connection:changed', { state: 'starting' }]]);
  });

  it('throws on a drifting event from a handler, logs it, and does not send it', async () => {
    const { emitted, logError, emitFromHandler } = setup(strictContractCheck, { state: 'starting' });
    await expect(emitFromHandler('connection:changed', { state: 'asleep' })).rejects.toThrow(ContractDriftError);
    expect(emitted).toEqual([]);
    expect(logError).toHaveBeenCalledWith('event connection:changed not sent', expect.any(ContractDriftError));
  });

  it('checks broadcasts too: checkEvents wraps an emit the core keeps', () => {
    const { dispatcher } = setup(strictContractCheck, null);
    const sent: unknown[] = [];
    const broadcast = dispatcher.checkEvents((_channel, payload) => sent.push(payload));
    expect(() => {
      broadcast('session:changed', { nope: true } as unknown as EventPayload<'session:changed'>);
    }).toThrow(/event of session:changed/);
    broadcast('session:changed', null);
    expect(sent).toEqual([null]);
  });

  it('is off without the check: checkEvents hands back the same emit', () => {
    const { dispatcher } = setup(noContractCheck, null);
    const emit: Emit = () => undefined;
    expect(dispatcher.checkEvents(emit)).toBe(emit);
  });
});
