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
  private sent: T[] = [];
  private seq = -1;

  constructor(options: { subscription: string; compute: () => T[]; keyOf: (item: T) => string; sink: BatchSink<T> }) {
    this.subscription = options.subscription;
    this.compute = options.compute;
    this.keyOf = options.keyOf;
    this.sink = options.sink;
  }

  /** Sends the whole list; used on subscribe and when the renderer saw a gap. */
  reset(): void {
    this.sent = this.compute();
    this.send([{ op: 'reset', values: this.sent }]);
  }

  /** Recomputes the list and sends what changed, if anything did. */
  refresh(): void {
    const next = this.compute();
    const ops = diffLists(this.sent, next, this.keyOf, sameJson);
    this.sent = next;
    if (ops.length > 0) {
      this.send(ops);
    }
  }

  private send(ops: ListOp<T>[]): void {
    this.seq++;
    this.sink({ subscription: this.subscription, seq: this.seq, ops });
  }
}

/** View models are plain data, so equal serialisations mean equal items. */
const sameJson = <T>(a: T, b: T): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
