import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { RequestFailure } from './request-failure.ts';
import { decideRetry, MAX_RATE_LIMIT_WAIT_MS, MIN_RETRY_MS } from './retry-policy.ts';

const limited = (retryAfterMs: number | null): RequestFailure => new RequestFailure({ kind: 'rate_limited', retryAfterMs }, 'Too Many Requests');
const transient = new RequestFailure({ kind: 'transient' }, 'fetch failed');

describe('decideRetry', () => {
  it('waits as long as the server asks', () => {
    expect(decideRetry(limited(2500), 1)).toEqual({ action: 'wait', reason: 'rate_limited', delayMs: 2500 });
  });

  it('never retries at once, and never waits for days', () => {
    expect(decideRetry(limited(0), 1)).toMatchObject({ delayMs: MIN_RETRY_MS });
    expect(decideRetry(limited(10 * 24 * 3600 * 1000), 1)).toMatchObject({ delayMs: MAX_RATE_LIMIT_WAIT_MS });
    expect(decideRetry(limited(null), 1)).toMatchObject({ reason: 'rate_limited', delayMs: 5000 });
    expect(decideRetry(new RembukError('rate_limited'), 1)).toMatchObject({ reason: 'rate_limited', delayMs: 5000 });
  });

  it('backs off exponentially, up to a minute, while the server cannot be reached', () => {
    expect([1, 2, 3, 4].map((attempt) => decideRetry(transient, attempt))).toEqual(
      [500, 1000, 2000, 4000].map((delayMs) => ({ action: 'wait', reason: 'offline', delayMs })),
    );
    expect(decideRetry(transient, 30)).toMatchObject({ delayMs: 60_000 });
    expect(decideRetry(new RembukError('network'), 1)).toMatchObject({ action: 'wait', reason: 'offline' });
    expect(decideRetry(new DOMException('timed out', 'TimeoutError'), 1)).toMatchObject({ action: 'wait' });
  });

  it('stops on what waiting does not fix, with the error the member reads', () => {
    expect(decideRetry(new RequestFailure({ kind: 'fatal', code: 'forbidden', detail: 'no' }, 'no'), 1)).toEqual({
      action: 'stop',
      code: 'forbidden',
      detail: 'no',
    });
    expect(decideRetry(new RembukError('file_too_large'), 1)).toMatchObject({ action: 'stop', code: 'file_too_large' });
    expect(decideRetry(new RembukError('upload_failed'), 2)).toMatchObject({ action: 'wait' });
    expect(decideRetry(new RembukError('upload_failed'), 5)).toMatchObject({ action: 'stop', code: 'upload_failed' });
    expect(decideRetry(new Error('boom'), 1)).toEqual({ action: 'stop', code: 'internal', detail: 'boom' });
  });
});
