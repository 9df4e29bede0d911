import type { ListOp } from '../../../shared/stream/list-op.ts';
import { diffLists } from './list-diff.ts';

export type BatchSink<T> = (batch: { subscription: string; seq: number; ops: ListOp<T>[] }) => void;

/**
 * One subscription's side of the stream: remembers what the renderer was last sent,
 * numbers every batch, and sends only the difference when the list changes.
 */
export class ListPublisher<T> {
  readonly subscription: string;
  private readonly compute: () => T[];
  private readonly keyOf: (item: T) => string;
  private readonly sink: BatchSink<T>;
  private readonly state: (() => unknown) | null;
  private sent: T[] = [];
  private sentState = '';
  private seq = -1;

  constructor(options: {
    subscription: string;
    compute: () => T[];
    keyOf: (item: T) => string;
    sink: BatchSink<T>;
    /** What the sink adds to every batch beside the items (a timeline's window); a change of it alone is sent too. */
    state?: () => unknown;
  }) {
    this.subscription = options.subscription;
    this.compute = options.compute;
    this.keyOf = options.keyOf;
    this.sink = options.sink;
    this.state = options.state ?? null;
  }

  /** Sends the whole list; used on subscribe and when the renderer saw a gap. */
  reset(): void {
    this.sent = this.compute();
    this.sentState = this.currentState();
    this.send([{ op: 'reset', values: this.sent }]);
  }

  /** Recomputes the list and sends what changed, if anything did. */
  refresh(): void {
    const next = this.compute();
    const ops = diffLists(this.sent, next, this.keyOf, sameJson);
    this.sent = next;
    const state = this.currentState();
    if (ops.length > 0 || state !== this.sentState) {
      this.sentState = state;
      this.send(ops);
    }
  }

  private currentState(): string {
    return this.state === null ? '' : JSON.stringify(this.state());
  }

  private send(ops: ListOp<T>[]): void {
    this.seq++;
    this.sink({ subscription: this.subscription, seq: this.seq, ops });
  }
}

/** View models are plain data, so equal serialisations mean equal items. */
const sameJson = <T>(a: T, b: T): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
