import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { SavedJob } from './import-checkpoint.ts';
import { buildPlan, type ImportStep } from './import-plan.ts';
import { RequestFailure } from './request-failure.ts';
import { ImportRunner, ImportStopped, type RunnerPorts, type RunnerStatus } from './import-runner.ts';
import type { ExportEntry } from './whatsapp/export-model.ts';

const FINGERPRINT = 'ab'.repeat(32);

const entry = (index: number, overrides: Partial<ExportEntry> = {}): ExportEntry => ({
  index,
  line: index + 1,
  type: 'message',
  sender: index % 2 === 0 ? 'Budi' : 'Siti',
  body: `pesan ${String(index)}`,
  ts: { year: 2024, month: 1, day: 5, hour: 8, minute: index % 60, second: 0 },
  attachment: null,
  mediaOmitted: false,
  deleted: null,
  edited: false,
  tags: [],
  ...overrides,
});

const planOf = (entries: readonly ExportEntry[], mediaFiles = new Map<string, number>()): ImportStep[] =>
  buildPlan(entries, { fingerprint: FINGERPRINT, dateOrder: 'dmy', toEpochMs: () => 1_700_000_000_000, mapping: new Map(), mediaFiles });

const jobFor = (plan: readonly ImportStep[]): SavedJob => ({
  v: 1,
  importId: '0'.repeat(32),
  fileName: 'chat.txt',
  exportName: 'chat.txt',
  chatFileName: null,
  fingerprint: FINGERPRINT,
  dateOrder: 'dmy',
  timeZone: 'Asia/Jakarta',
  mapping: [],
  target: { kind: 'new', name: 'Grup' },
  roomId: '!room:hs',
  roomName: 'Grup',
  phase: 'running',
  next: 0,
  total: plan.length,
  mediaTotal: plan.filter((step) => step.kind === 'media').length,
  mediaDone: 0,
  inflight: null,
  error: null,
  startedAt: 0,
  finishedAt: null,
});

/** A homeserver as far as an import sees it: events in arrival order, deduplicated by transaction id like Synapse. */
class FakeServer {
  readonly events: { txnId: string; content: Record<string, unknown> }[] = [];
  readonly uploads: string[] = [];
  private readonly byTxn = new Map<string, string>();

  send(txnId: string, content: Record<string, unknown>): string {
    const known = this.byTxn.get(txnId);
    if (known !== undefined) {
      return known;
    }
    const eventId = `$${String(this.events.length)}`;
    this.events.push({ txnId, content });
    this.byTxn.set(txnId, eventId);
    return eventId;
  }

  has(txnId: string): boolean {
    return this.byTxn.has(txnId);
  }
}

/** Thrown by a port to stand for the process dying at that point. */
class Killed extends Error {}

type Harness = { ports: RunnerPorts; saved: () => SavedJob | null; dead: () => boolean; sleeps: number[]; statuses: RunnerStatus[] };

const harness = (server: FakeServer, options: { failures?: Error[]; killAfter?: number; onSleep?: () => void; forgetful?: boolean } = {}): Harness => {
  let saved: SavedJob | null = null;
  let calls = 0;
  const failures = [...(options.failures ?? [])];
  const sleeps: number[] = [];
  const statuses: RunnerStatus[] = [];
  // Each port call is a point where a kill can land; a kill after the send happened on the server is the interesting one.
  // After the kill every port fails, so nothing the dying run does reaches the checkpoint.
  const tick = (): void => {
    calls += 1;
    if (options.killAfter !== undefined && calls > options.killAfter) {
      throw new Killed('killed');
    }
  };
  const dead = (): boolean => options.killAfter !== undefined && calls > options.killAfter;
  const ports: RunnerPorts = {
    send: (_roomId, txnId, content) => {
      tick();
      const failure = failures.shift();
      if (failure !== undefined) {
        return Promise.reject(failure);
      }
      const eventId = server.send(txnId, content);
      tick();
      return Promise.resolve(eventId);
    },
    upload: (step) => {
      tick();
      server.uploads.push(step.fileName);
      return Promise.resolve({ msgtype: 'm.image', body: step.body, url: `mxc://hs/${String(server.uploads.length)}` });
    },
    alreadySent: (_roomId, txnId) => {
      tick();
      return Promise.resolve(options.forgetful === true ? false : server.has(txnId));
    },
    save: (job) => {
      tick();
      saved = structuredClone(job);
      return Promise.resolve();
    },
    sleep: (ms) => {
      sleeps.push(ms);
      options.onSleep?.();
      return Promise.resolve();
    },
    now: () => 0,
  };
  return { ports, saved: () => saved, dead, sleeps, statuses };
};

const runner = (h: Harness): ImportRunner =>
  new ImportRunner(h.ports, {
    acknowledged: () => undefined,
    progress: (_job, status) => {
      h.statuses.push(status);
    },
  });

const txnIds = (server: FakeServer): string[] => server.events.map((event) => event.txnId);

describe('ImportRunner', () => {
  it('sends every step once, in plan order, checkpointing after each', async () => {
    const plan = planOf(Array.from({ length: 25 }, (_, index) => entry(index)));
    const server = new FakeServer();
    const h = harness(server);
    const job = jobFor(plan);
    await runner(h).run(job, '!room:hs', plan, new AbortController().signal);
    expect(txnIds(server)).toEqual(plan.map((step) => step.txnId));
    expect(h.saved()?.next).toBe(25);
  });

  it('goes on after a kill at any point: every message exactly once, in order (any crash point, same txn ids)', async () => {
    const plan = planOf(
      Array.from({ length: 12 }, (_, index) => entry(index, index === 4 ? { attachment: { fileName: 'IMG-1.jpg' } } : {})),
      new Map([['IMG-1.jpg', 10]]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }), async (kills) => {
        const server = new FakeServer();
        let checkpoint = jobFor(plan);
        for (const killAfter of kills) {
          const h = harness(server, { killAfter });
          await runner(h)
            .run(structuredClone(checkpoint), '!room:hs', plan, new AbortController().signal)
            .catch((error: unknown) => {
              if (!h.dead()) {
                throw error;
              }
            });
          checkpoint = h.saved() ?? checkpoint;
        }
        const last = harness(server, { forgetful: true });
        await runner(last).run(structuredClone(checkpoint), '!room:hs', plan, new AbortController().signal);
        expect(txnIds(server)).toEqual(plan.map((step) => step.txnId));
      }),
      { numRuns: 200 },
    );
  });

  it('re-sends the step in flight with the same transaction id after a restart', async () => {
    const plan = planOf([entry(0), entry(1), entry(2)]);
    const server = new FakeServer();
    // alreadySent (1), send 0 (2, 3), save (4), send 1 (5, then dies right after the server stored it).
    const first = harness(server, { killAfter: 5 });
    await expect(runner(first).run(jobFor(plan), '!room:hs', plan, new AbortController().signal)).rejects.toThrow();
    expect(first.dead()).toBe(true);
    const checkpoint = first.saved();
    expect(checkpoint?.next).toBe(1);
    expect(server.events).toHaveLength(2);
    const second = harness(server, { forgetful: true });
    await runner(second).run(structuredClone(checkpoint!), '!room:hs', plan, new AbortController().signal);
    expect(txnIds(server)).toEqual(plan.map((step) => step.txnId));
  });

  it('skips a step the room already shows, without sending it again', async () => {
    const plan = planOf([entry(0), entry(1)]);
    const server = new FakeServer();
    server.send(plan[0]!.txnId, {});
    const sends: string[] = [];
    const h = harness(server);
    const send = h.ports.send;
    h.ports.send = (roomId, txnId, content, signal) => {
      sends.push(txnId);
      return send(roomId, txnId, content, signal);
    };
    await runner(h).run(jobFor(plan), '!room:hs', plan, new AbortController().signal);
    expect(sends).toEqual([plan[1]!.txnId]);
  });

  it('waits exactly as long as a 429 asks, tells the progress it is waiting, then goes on', async () => {
    const plan = planOf([entry(0), entry(1)]);
    const server = new FakeServer();
    const limited = new RequestFailure({ kind: 'rate_limited', retryAfterMs: 1234 }, 'Too Many Requests');
    const h = harness(server, { failures: [limited, limited] });
    await runner(h).run(jobFor(plan), '!room:hs', plan, new AbortController().signal);
    expect(h.sleeps).toEqual([1234, 1234]);
    expect(h.statuses).toContainEqual({ state: 'waiting', reason: 'rate_limited', until: 1234 });
    expect(txnIds(server)).toEqual(plan.map((step) => step.txnId));
  });

  it('backs off more and more while the connection is gone', async () => {
    const plan = planOf([entry(0)]);
    const server = new FakeServer();
    const offline = new RequestFailure({ kind: 'transient' }, 'fetch failed');
    const h = harness(server, { failures: [offline, offline, offline, offline] });
    await runner(h).run(jobFor(plan), '!room:hs', plan, new AbortController().signal);
    expect(h.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(h.statuses.some((status) => status.state === 'waiting' && status.reason === 'offline')).toBe(true);
  });

  it('stops on an error no wait fixes, with its code, leaving the checkpoint at the failed step', async () => {
    const plan = planOf([entry(0), entry(1)]);
    const server = new FakeServer();
    const forbidden = new RequestFailure({ kind: 'fatal', code: 'forbidden', detail: 'not allowed' }, 'not allowed');
    const h = harness(server, { failures: [forbidden] });
    const job = jobFor(plan);
    await expect(runner(h).run(job, '!room:hs', plan, new AbortController().signal)).rejects.toMatchObject({ code: 'forbidden' });
    expect(job.next).toBe(0);
    expect(server.events).toHaveLength(0);
  });

  it('pauses when aborted (even while waiting) and goes on from the same place', async () => {
    const plan = planOf(Array.from({ length: 6 }, (_, index) => entry(index)));
    const server = new FakeServer();
    const controller = new AbortController();
    const limited = new RequestFailure({ kind: 'rate_limited', retryAfterMs: 60_000 }, 'slow down');
    const h = harness(server);
    // The third send is refused; the member pauses during the wait.
    let sends = 0;
    const send = h.ports.send;
    h.ports.send = (roomId, txnId, content, signal) => {
      sends += 1;
      return sends === 3 ? Promise.reject(limited) : send(roomId, txnId, content, signal);
    };
    h.ports.sleep = (_ms, signal) => {
      controller.abort();
      return Promise.reject(signal.reason as Error);
    };
    const job = jobFor(plan);
    await expect(runner(h).run(job, '!room:hs', plan, controller.signal)).rejects.toThrow();
    expect(job.next).toBe(2);
    const again = harness(server);
    await runner(again).run(job, '!room:hs', plan, new AbortController().signal);
    expect(txnIds(server)).toEqual(plan.map((step) => step.txnId));
  });

  it('uploads a file once: a resend after a crash reuses the upload kept in the checkpoint', async () => {
    const plan = planOf([entry(0, { attachment: { fileName: 'IMG-1.jpg' }, body: 'IMG-1.jpg (file terlampir)\nFoto nota' })], new Map([['IMG-1.jpg', 10]]));
    const server = new FakeServer();
    // alreadySent (1), upload (2), save inflight (3), send (4, then dies right after the server stored it).
    const first = harness(server, { killAfter: 4 });
    await expect(runner(first).run(jobFor(plan), '!room:hs', plan, new AbortController().signal)).rejects.toThrow();
    expect(first.saved()?.inflight?.step).toBe(0);
    // The server forgot our transaction in the room's recent events, but still dedups the resend.
    const second = harness(server, { forgetful: true });
    await runner(second).run(structuredClone(first.saved()!), '!room:hs', plan, new AbortController().signal);
    expect(server.uploads).toEqual(['IMG-1.jpg']);
    expect(server.events).toHaveLength(1);
    expect(server.events[0]?.content).toMatchObject({ url: 'mxc://hs/1', 'coop.rembuk.import': { index: 0 } });
    expect(second.saved()).toMatchObject({ mediaDone: 1, inflight: null });
  });

  it('sends a placeholder for a file the server will not take, and goes on', async () => {
    const plan = planOf([entry(0, { attachment: { fileName: 'big.mp4' } }), entry(1)], new Map([['big.mp4', 10]]));
    const server = new FakeServer();
    const h = harness(server);
    h.ports.upload = () => Promise.reject(new RembukError('file_too_large', 'limit'));
    await runner(h).run(jobFor(plan), '!room:hs', plan, new AbortController().signal);
    expect(server.events[0]?.content).toMatchObject({ msgtype: 'm.text', 'coop.rembuk.import': { media_missing: 'big.mp4' } });
    expect(server.events).toHaveLength(2);
  });

  it('stops with ImportStopped for an upload that keeps failing', async () => {
    const plan = planOf([entry(0, { attachment: { fileName: 'a.jpg' } })], new Map([['a.jpg', 10]]));
    const h = harness(new FakeServer());
    h.ports.upload = () => Promise.reject(new RembukError('upload_failed', 'broken'));
    await expect(runner(h).run(jobFor(plan), '!room:hs', plan, new AbortController().signal)).rejects.toBeInstanceOf(ImportStopped);
    expect(h.sleeps).toHaveLength(4);
  });
});
