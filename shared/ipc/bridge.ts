import type { IpcResult } from './errors.ts';
import type { EventChannel, EventPayload, RequestChannel, RequestInput, RequestOutput } from './contract.ts';

/**
 * What a transport gives the renderer: the preload's `window.rembuk` in Electron, a
 * WebSocket client under the loopback transport. Both carry the same contract.
 */
export type Bridge = {
  invoke<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<IpcResult<RequestOutput<C>>>;
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
};

/** The name under which the Electron preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'rembuk';

/** Loopback wire format: one JSON message per WebSocket frame. */
export type WireRequest = { id: number; channel: string; input: unknown };
export type WireResponse = { id: number; result: IpcResult<unknown> };
export type WireEvent = { event: string; payload: unknown };
