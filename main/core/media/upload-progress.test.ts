import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { progressFetch, trackUploadProgress } from './upload-progress.ts';

type Received = { headers: IncomingHttpHeaders; body: Buffer };

const withServer = async (run: (url: string, received: Received[]) => Promise<void>): Promise<void> => {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"content_uri":"mxc://hs/x"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/upload`, received);
  } finally {
    server.close();
  }
};

describe('progressFetch', () => {
  it('streams a tracked body with its exact Content-Length and reports every piece', async () => {
    await withServer(async (url, received) => {
      const body = Buffer.alloc(300 * 1024, 7);
      const seen: number[] = [];
      const untrack = trackUploadProgress(body, (loaded, total) => {
        expect(total).toBe(body.length);
        seen.push(loaded);
      });
      const response = await progressFetch()(url, { method: 'POST', body, headers: { 'Content-Type': 'application/octet-stream' } });
      untrack();
      expect(response.status).toBe(200);
      expect(received[0]!.headers['content-length']).toBe(String(body.length));
      expect(received[0]!.headers['content-type']).toBe('application/octet-stream');
      expect(received[0]!.body.equals(body)).toBe(true);
      expect(seen[0]).toBe(0);
      expect(seen.at(-1)).toBe(body.length);
      expect(seen.length).toBeGreaterThan(3);
    });
  });

  it('leaves other requests alone', async () => {
    await withServer(async (url, received) => {
      const body = Buffer.from('plain');
      await progressFetch()(url, { method: 'POST', body });
      expect(received[0]!.body.toString()).toBe('plain');
    });
  });
});
