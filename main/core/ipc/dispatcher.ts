import {
  MAX_REQUEST_BYTES,
  isRequestChannel,
  requests,
  type EventChannel,
  type EventPayload,
  type ParsedInput,
  type RequestChannel,
  type RequestOutput,
} from '../../../shared/ipc/contract.ts';
import { RembukError, type IpcResult } from '../../../shared/ipc/errors.ts';
import type { Logger } from '../ports.ts';
import { noContractCheck, type ContractCheck } from './contract-check.ts';

/** Pushes one event to the connection's renderer. */
export type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** What a handler sees besides its parsed input: who is asking, and how to answer them later. */
export type RequestContext = { connectionId: string; emit: Emit };

export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>, context: RequestContext) => Promise<RequestOutput<C>>;
};

/** One renderer talking to the core: an Electron window or a loopback WebSocket. */
export type Connection = {
  readonly id: string;
  /** Takes anything off the wire; always answers with a typed result, never throws. */
  handle(channel: unknown, input: unknown): Promise<IpcResult<unknown>>;
  close(): void;
};

export type ConnectionListener = { onClose(connectionId: string): void };

const sizeOf = (input: unknown): number => {
  try {
    // JSON.stringify answers undefined for undefined, whatever its typing says.
    const text = JSON.stringify(input) as unknown;
    return typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * The single gate every request passes, whatever the transport: unknown channels,
 * oversized or ill-typed payloads are rejected here with a typed error before any
 * handler runs.
 */
export class Dispatcher {
  private readonly handlers: Handlers;
  private readonly logger: Logger;
  private readonly check: ContractCheck;
  private readonly listeners: ConnectionListener[] = [];
  private nextId = 0;

  /** `check` parses main's answers and events against the contract too: on in tests, e2e and start:web. */
  constructor(handlers: Handlers, logger: Logger, check: ContractCheck = noContractCheck) {
    this.handlers = handlers;
    this.logger = logger;
    this.check = check;
  }

  /** `emit`, with each event parsed against the contract first when the check is on; a drifting event is logged, not sent, and thrown. */
  checkEvents(emit: Emit): Emit {
    if (this.check === noContractCheck) {
      return emit;
    }
    return (channel, payload) => {
      try {
        this.check.event(channel, payload);
      } catch (error) {
        this.logger.error(`event ${channel} not sent`, error);
        throw error;
      }
      emit(channel, payload);
    };
  }

  addConnectionListener(listener: ConnectionListener): void {
    this.listeners.push(listener);
  }

  connect(emit: Emit, label = 'conn'): Connection {
    const id = `${label}-${++this.nextId}`;
    let open = true;
    const checkedEmit = this.checkEvents(emit);
    const guardedEmit: Emit = (channel, payload) => {
      if (open) {
        checkedEmit(channel, payload);
      }
    };
    return {
      id,
      handle: (channel, input) => this.dispatch(channel, input, { connectionId: id, emit: guardedEmit }),
      close: () => {
        if (!open) {
          return;
        }
        open = false;
        for (const listener of this.listeners) {
          listener.onClose(id);
        }
      },
    };
  }

  private async dispatch(channel: unknown, input: unknown, context: RequestContext): Promise<IpcResult<unknown>> {
    if (!isRequestChannel(channel)) {
      // Only a string is echoed back: anything else could be an object whose toString throws.
      return { ok: false, error: { code: 'unknown_channel', detail: typeof channel === 'string' ? channel.slice(0, 100) : typeof channel } };
    }
    if (sizeOf(input) > MAX_REQUEST_BYTES) {
      return { ok: false, error: { code: 'payload_too_large' } };
    }
    const parsed = requests[channel].input.safeParse(input);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return { ok: false, error: { code: 'invalid_request', detail: detail.slice(0, 2000) } };
    }
    try {
      const handler = this.handlers[channel] as (input: unknown, context: RequestContext) => Promise<unknown>;
      const value = await handler(parsed.data, context);
      // A drift throws ContractDriftError: answered as `internal` and logged below, like any bug in main.
      this.check.output(channel, value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof RembukError) {
        return { ok: false, error: { code: error.code, detail: error.message.slice(0, 2000) } };
      }
      this.logger.error(`request ${channel} failed`, error);
      return { ok: false, error: { code: 'internal', detail: error instanceof Error ? error.message.slice(0, 2000) : undefined } };
    }
  }
}
