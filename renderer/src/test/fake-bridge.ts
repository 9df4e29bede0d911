import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { IpcResult } from '../../../shared/ipc/errors.ts';

type Handler<C extends RequestChannel> = (input: RequestInput<C>) => IpcResult<RequestOutput<C>> | Promise<IpcResult<RequestOutput<C>>>;

export type Call = { channel: RequestChannel; input: unknown };

/** A bridge for store tests: answers from per-channel handlers and records every call. */
export type FakeBridge = Bridge & {
  calls: Call[];
  handle: <C extends RequestChannel>(channel: C, handler: Handler<C>) => void;
  emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;
  callsTo: (channel: RequestChannel) => unknown[];
  listenerCount: (channel: EventChannel) => number;
};

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const createFakeBridge = (): FakeBridge => {
  const handlers = new Map<RequestChannel, Handler<RequestChannel>>();
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  const calls: Call[] = [];
  return {
    calls,
    handle: (channel, handler) => {
      handlers.set(channel, handler);
    },
    invoke: async (channel, input) => {
      calls.push({ channel, input });
      const handler = handlers.get(channel);
      if (!handler) {
        return { ok: false, error: { code: 'unknown_channel', detail: channel } };
      }
      return (await handler(input)) as never;
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) {
        listener(payload as never);
      }
    },
    callsTo: (channel) => calls.filter((call) => call.channel === channel).map((call) => call.input),
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  };
};

/** Lets queued promise callbacks run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) {
    await Promise.resolve();
  }
};
