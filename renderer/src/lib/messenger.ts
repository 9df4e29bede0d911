import type { Bridge } from '../../../shared/ipc/bridge.ts';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/bridge.ts';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc/contract.ts';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { takeBridgeSecret } from './bridge-secret.ts';
import type { Transport, TransportStatus } from './loopback-bridge.ts';
import { createLoopbackTransport } from './loopback-bridge.ts';

export type { Bridge, Transport, TransportStatus };

const isBridge = (value: unknown): value is Bridge =>
  typeof value === 'object' && value !== null && typeof (value as Partial<Bridge>).invoke === 'function' && typeof (value as Partial<Bridge>).on === 'function';

/**
 * Stores only ever see results: a transport that throws (a preload bug, a closed
 * window) becomes an `internal` error instead of an unhandled rejection.
 */
const neverThrows = (bridge: Bridge): Bridge => ({
  invoke: async <C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<IpcResult<RequestOutput<C>>> => {
    try {
      return await bridge.invoke(channel, input);
    } catch (error) {
      return { ok: false, error: { code: 'internal', detail: String(error) } };
    }
  },
  on: (channel, listener) => bridge.on(channel, listener),
});

/**
 * The only place that touches `window.rembuk` or a WebSocket. Electron's preload wins
 * when present; otherwise we are a page served by the loopback core.
 */
export const openMessenger = (): Transport => {
  const exposed: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (isBridge(exposed)) {
    // IPC to our own main process cannot drop while the window lives.
    return { bridge: neverThrows(exposed), status: () => 'open', onStatus: () => () => undefined };
  }
  const secret = takeBridgeSecret({ location: window.location, storage: window.sessionStorage, history: window.history });
  const transport = createLoopbackTransport({
    url: `ws://${window.location.host}/bridge`,
    secret: secret ?? '',
    createSocket: (url, protocols) => new WebSocket(url, protocols),
  });
  return { ...transport, bridge: neverThrows(transport.bridge) };
};
