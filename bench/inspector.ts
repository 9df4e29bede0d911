/**
 * Just enough of the V8 inspector protocol to weigh a Node process: force a full GC and
 * read the heap in use, so a benchmark measures what is still referenced, not garbage
 * that had not been collected yet. The process is started with `--inspect=127.0.0.1:0`.
 */
import WebSocket from 'ws';

export type Inspector = {
  collectGarbage: () => Promise<void>;
  /** Bytes of JS heap in use. */
  heapUsed: () => Promise<number>;
  close: () => void;
};

type Reply = { id: number; result?: unknown; error?: { message: string } };

export const connectInspector = async (url: string): Promise<Inspector> => {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as Reply;
    const pending = waiting.get(reply.id);
    if (pending !== undefined) {
      waiting.delete(reply.id);
      if (reply.error === undefined) {
        pending.resolve(reply.result);
      } else {
        pending.reject(new Error(reply.error.message));
      }
    }
  });
  const call = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      waiting.set(nextId, { resolve, reject });
      socket.send(JSON.stringify({ id: nextId, method }));
    });
  return {
    collectGarbage: async () => {
      await call('HeapProfiler.collectGarbage');
    },
    heapUsed: async () => ((await call('Runtime.getHeapUsage')) as { usedSize: number }).usedSize,
    close: () => {
      socket.close();
    },
  };
};
