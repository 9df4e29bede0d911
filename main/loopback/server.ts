import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_REQUEST_BYTES } from '../../shared/ipc/contract.ts';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy.ts';
import type { WireEvent, WireResponse } from '../../shared/ipc/bridge.ts';
import type { AppCore } from '../core/app-core.ts';
import type { Logger } from '../core/ports.ts';
import { BRIDGE_PROTOCOL, mayConnect } from './bridge-guard.ts';
import { readStatic } from './static-files.ts';
import { MEDIA_PATH, mayServeMedia, mediaToken, sendMediaResponse } from './media-route.ts';

/** The same policy the Electron window gets, plus the loopback socket. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(['ws://127.0.0.1:*']);

/** Frames above this are cut off by the socket; below it the dispatcher answers `payload_too_large`. */
const MAX_FRAME_BYTES = 16 * MAX_REQUEST_BYTES;

export type LoopbackServer = { url: string; port: number; secret: string; close(): Promise<void> };

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Serves the built renderer and the IPC contract over a WebSocket on 127.0.0.1, so
 * the main core runs without Electron: how the app runs here and how e2e drives it.
 */
export const startLoopbackServer = async (options: {
  /** May still be loading: the page and the socket come up first, requests wait for the core. */
  core: AppCore | Promise<AppCore>;
  staticDir: string;
  logger: Logger;
  port?: number;
}): Promise<LoopbackServer> => {
  const secret = randomBytes(24).toString('hex');
  let expectedHost = '';

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.host !== expectedHost || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(request.method === 'GET' || request.method === 'HEAD' ? 421 : 405).end();
      return;
    }
    if (request.url?.startsWith(MEDIA_PATH) === true) {
      // Attachments, decrypted by the core: only for our own page, only with a token it was given.
      const token = mediaToken(request.url);
      if (token === null || !mayServeMedia(request.headers, `http://${expectedHost}`)) {
        response.writeHead(token === null ? 404 : 403, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      const range = request.headers.range;
      Promise.resolve(options.core)
        .then((core) => core.serveMedia(token, { range, head: request.method === 'HEAD' }))
        .then((answer) => sendMediaResponse(answer, response))
        .catch((error: unknown) => {
          options.logger.warn('media request failed', error);
          if (!response.headersSent) {
            response.writeHead(500).end();
          }
        });
      return;
    }
    readStatic(options.staticDir, request.url ?? '/').then(
      (file) => {
        if (file === null) {
          response.writeHead(404, securityHeaders).end();
          return;
        }
        response.writeHead(200, { ...securityHeaders, 'Content-Type': file.type, 'Content-Length': file.body.length });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      () => response.writeHead(500).end(),
    );
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });

  http.on('upgrade', (request, socket, head) => {
    const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const allowed = request.url === '/bridge' && mayConnect({ origin: request.headers.origin, host: request.headers.host, protocols, expectedHost, secret });
    if (!allowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      serveBridge(ws, Promise.resolve(options.core), options.logger);
    });
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (http.address() as AddressInfo).port;
  expectedHost = `127.0.0.1:${String(port)}`;

  return {
    url: `http://${expectedHost}/#bridge=${secret}`,
    port,
    secret,
    close: async () => {
      for (const client of sockets.clients) {
        client.terminate();
      }
      await new Promise<void>((resolve) => {
        sockets.close(() => {
          resolve();
        });
      });
      http.closeAllConnections();
      await new Promise<void>((resolve) =>
        http.close(() => {
          resolve();
        }),
      );
    },
  };
};

/** One renderer over one socket: frames in, typed results and events out. */
const serveBridge = (ws: WebSocket, core: Promise<AppCore>, logger: Logger): void => {
  const send = (message: WireResponse | WireEvent): void => {
    if (ws.readyState === ws.OPEN) {
      ws.send(JSON.stringify(message));
    }
  };
  // Frames that arrive while the core is still loading queue on this promise, in order.
  const connection = core.then((ready) =>
    ready.connect((event, payload) => {
      send({ event, payload });
    }, 'ws'),
  );

  ws.on('message', (data, isBinary) => {
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '');
    } catch {
      frame = undefined;
    }
    const { id, channel, input } = (typeof frame === 'object' && frame !== null ? frame : {}) as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
      send({ id: -1, result: { ok: false, error: { code: 'invalid_request', detail: 'frame is not {id, channel, input}' } } });
      return;
    }
    connection
      .then((open) => open.handle(channel, input))
      .then(
        (result) => {
          send({ id, result });
        },
        (error: unknown) => {
          // handle() answers every input with a result; this is a last guard, not a path.
          logger.error('bridge request failed', error);
          send({ id, result: { ok: false, error: { code: 'internal' } } });
        },
      );
  });
  ws.on('close', () => {
    void connection.then((open) => {
      open.close();
    });
  });
  ws.on('error', (error) => {
    logger.warn('bridge socket error', error.message);
  });
};
