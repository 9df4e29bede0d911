import { describe, expect, it } from 'vitest';
import { replayEntries, type ReplayPort } from './outbox-replay.ts';

const port = (known: Record<string, { ready: boolean; delivered: Record<string, Record<string, unknown>> }>): ReplayPort => ({
  hasRoom: (roomId) => roomId in known,
  readyToSendIn: (roomId) => Promise.resolve(known[roomId]?.ready ?? false),
  delivered: (roomId, txnId) => known[roomId]?.delivered[txnId],
});

describe('replayEntries', () => {
  it('finishes what the server has, resends what a ready room lacks, and keeps the rest waiting', async () => {
    const matrix = port({ '!ready:hs': { ready: true, delivered: { t1: { body: 'sampai' } } }, '!joining:hs': { ready: false, delivered: {} } });
    const entries = [
      { roomId: '!ready:hs', txnId: 't1' },
      { roomId: '!ready:hs', txnId: 't2' },
      { roomId: '!joining:hs', txnId: 't3' },
      { roomId: '!unknown:hs', txnId: 't4' },
    ];
    const delivered: [string, Record<string, unknown>][] = [];
    const resent: string[] = [];
    const waiting = await replayEntries(matrix, entries, {
      delivered: (entry, content) => {
        delivered.push([entry.txnId, content]);
        return Promise.resolve();
      },
      resend: (entry) => resent.push(entry.txnId),
    });
    expect(delivered).toEqual([['t1', { body: 'sampai' }]]);
    expect(resent).toEqual(['t2']);
    expect(waiting.map((entry) => entry.txnId)).toEqual(['t3', 't4']);
  });
});
