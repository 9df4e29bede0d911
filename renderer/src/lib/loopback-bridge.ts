import type { Bridge, WireEvent, WireRequest, WireResponse } from '../../../shared/ipc/bridge.ts';
import type { EventChannel, EventPayload, RequestChannel, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { IpcResult } from '../../../shared/ipc/errors.ts';

/** Subprotocol the loopback core expects; the secret rides in a second one. */
export const LOOPBACK_PROTOCOL = 'rembuk-bridge.v1';

export type TransportStatus = 'connecting' | 'open' | 'closed';

/** A bridge whose link to main can drop, so the UI can say so and restart its streams. */
export type Transport = {
  bridge: Bridge;
  status: () => TransportStatus;
  onStatus: (listener: (status: TransportStatus) => void) => () => void;
};

/** The part of the browser's WebSocket we use, so tests can hand in a fake. */
export type SocketLike = {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send: (data: string) => void;
  close: () => void;
};
export type SocketFactory = (url: string, protocols: string[]) => SocketLike;

export type LoopbackOptions = {
  url: string;
  secret: string;
  createSocket: SocketFactory;
  reconnectDelayMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
};

const OPEN = 1;
const networkError: IpcResult<never> = { ok: false, error: { code: 'network' } };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isResponse = (value: Record<string, unknown>): value is WireResponse =>
  typeof value.id === 'number' && isRecord(value.result) && typeof value.result.ok === 'boolean';
const isEvent = (value: Record<string, unknown>): value is WireEvent => typeof value.event === 'string';

/**
 * The renderer's end of the loopback transport. Requests made before the first open are
 * queued; when the socket closes every unanswered request resolves with `network` (main
 * forgets them with the connection) and we try again every couple of seconds.
 */
export const createLoopbackTransport = (options: LoopbackOptions): Transport => {
  const reconnectDelayMs = options.reconnectDelayMs ?? 2000;
  const setTimer = options.setTimer ?? ((callback: () => void, ms: number) => setTimeout(callback, ms));
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const statusListeners = new Set<(status: TransportStatus) => void>();
  let queue: WireRequest[] = [];
  let nextId = 1;
  let status: TransportStatus = 'connecting';
  let socket: SocketLike;

  const setStatus = (next: TransportStatus): void => {
    if (next === status) {
      return;
    }
    status = next;
    for (const listener of [...statusListeners]) {
      listener(next);
    }
  };

  const dispatch = (message: WireEvent): void => {
    for (const listener of [...(listeners.get(message.event) ?? [])]) {
      listener(message.payload as never);
    }
  };

  const onMessage = (event: MessageEvent): void => {
    if (typeof event.data !== 'string') {
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!isRecord(message)) {
      return;
    }
    if (isResponse(message)) {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    } else if (isEvent(message)) {
      dispatch(message);
    }
  };

  const failAll = (): void => {
    const waiting = [...pending.values()];
    pending.clear();
    queue = [];
    for (const resolve of waiting) {
      resolve(networkError);
    }
  };

  const connect = (): void => {
    socket = options.createSocket(options.url, [LOOPBACK_PROTOCOL, `secret.${options.secret}`]);
    socket.onopen = () => {
      const queued = queue;
      queue = [];
      for (const request of queued) {
        socket.send(JSON.stringify(request));
      }
      setStatus('open');
    };
    socket.onmessage = onMessage;
    // An error is always followed by close, which does the work.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      failAll();
      setStatus('closed');
      setTimer(connect, reconnectDelayMs);
    };
  };

  const invoke = <C extends RequestChannel>(channel: C, input: unknown): Promise<IpcResult<RequestOutput<C>>> => {
    // While reconnecting, a queued request would reach a main that no longer knows our
    // subscriptions; failing fast lets the banner explain instead of a silent wait.
    if (status === 'closed') {
      return Promise.resolve(networkError);
    }
    const request: WireRequest = { id: nextId++, channel, input };
    return new Promise((resolve) => {
      pending.set(request.id, resolve as (result: IpcResult<unknown>) => void);
      if (socket.readyState === OPEN) {
        socket.send(JSON.stringify(request));
      } else {
        queue.push(request);
      }
    });
  };

  const on = <C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): (() => void) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };

  connect();
  return {
    bridge: { invoke, on },
    status: () => status,
    onStatus: (listener) => {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
  };
};
