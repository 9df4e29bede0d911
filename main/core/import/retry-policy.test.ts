import { ConnectionError, MatrixError } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { decideRetry, MAX_RATE_LIMIT_WAIT_MS, MIN_RETRY_MS } from './retry-policy.ts';

const limited = (body: Record<string, unknown>, headers?: Record<string, string>): MatrixError =>
  new MatrixError(
    { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', ...body },
    429,
    undefined,
    undefined,
    headers === undefined ? undefined : new Headers(headers),
  );

describe('decideRetry', () => {
  it('waits as long as the server asks, in the body or the Retry-After header', () => {
    expect(decideRetry(limited({ retry_after_ms: 2500 }), 1)).toEqual({ action: 'wait', reason: 'rate_limited', delayMs: 2500 });
    expect(decideRetry(limited({}, { 'Retry-After': '3' }), 1)).toEqual({ action: 'wait', reason: 'rate_limited', delayMs: 3000 });
  });

  it('never retries at once, and never waits for days', () => {
    expect(decideRetry(limited({ retry_after_ms: 0 }), 1)).toMatchObject({ delayMs: MIN_RETRY_MS });
    expect(decideRetry(limited({ retry_after_ms: 10 * 24 * 3600 * 1000 }), 1)).toMatchObject({ delayMs: MAX_RATE_LIMIT_WAIT_MS });
    expect(decideRetry(limited({}), 1)).toMatchObject({ reason: 'rate_limited', delayMs: 5000 });
    expect(decideRetry(new RembukError('rate_limited'), 1)).toMatchObject({ reason: 'rate_limited', delayMs: 5000 });
  });

  it('backs off exponentially, up to a minute, while the server cannot be reached', () => {
    const offline = new ConnectionError('fetch failed');
    expect([1, 2, 3, 4].map((attempt) => decideRetry(offline, attempt))).toEqual(
      [500, 1000, 2000, 4000].map((delayMs) => ({ action: 'wait', reason: 'offline', delayMs })),
    );
    expect(decideRetry(offline, 30)).toMatchObject({ delayMs: 60_000 });
    expect(decideRetry(new MatrixError({ errcode: 'M_UNKNOWN' }, 502), 1)).toMatchObject({ action: 'wait', reason: 'offline' });
    expect(decideRetry(new RembukError('network'), 1)).toMatchObject({ action: 'wait', reason: 'offline' });
    expect(decideRetry(new DOMException('timed out', 'TimeoutError'), 1)).toMatchObject({ action: 'wait' });
  });

  it('stops on what waiting does not fix, with the error the member reads', () => {
    expect(decideRetry(new MatrixError({ errcode: 'M_FORBIDDEN', error: 'no' }, 403), 1)).toMatchObject({ action: 'stop', code: 'forbidden' });
    expect(decideRetry(new MatrixError({ errcode: 'M_UNKNOWN_TOKEN' }, 401), 1)).toMatchObject({ action: 'stop', code: 'not_signed_in' });
    expect(decideRetry(new RembukError('file_too_large'), 1)).toMatchObject({ action: 'stop', code: 'file_too_large' });
    expect(decideRetry(new RembukError('upload_failed'), 2)).toMatchObject({ action: 'wait' });
    expect(decideRetry(new RembukError('upload_failed'), 5)).toMatchObject({ action: 'stop', code: 'upload_failed' });
  });
});
