import { expect, test, type Page } from '@playwright/test';
import NodeWebSocket from 'ws';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, message, send, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

let app: RunningApp;
test.beforeAll(async () => {
  app = await startApp();
});
test.afterAll(async () => {
  await app.stop();
});

type Answer = { id: number; result: { ok: boolean; error?: { code: string } } } | { closed: number };

/**
 * Opens a second bridge socket from inside the app's own page (so Origin and secret
 * are right) and sends one raw frame; resolves with the answer or the close code.
 */
const sendRaw = (page: Page, frame: string): Promise<Answer> =>
  page.evaluate(
    async ([raw, secret]) => {
      const ws = new WebSocket(`ws://${location.host}/bridge`, ['rembuk-bridge.v1', `secret.${secret}`]);
      return await new Promise<Answer>((resolve) => {
        ws.onopen = () => {
          ws.send(raw);
        };
        ws.onmessage = (event) => {
          const data = JSON.parse(String(event.data)) as Record<string, unknown>;
          if ('id' in data) {
            resolve(data as Answer);
            ws.close();
          }
        };
        ws.onclose = (event) => {
          resolve({ closed: event.code });
        };
      });
    },
    [frame, new URL(app.url).hash.replace('#bridge=', '')] as const,
  );

test('garbage on the bridge gets typed errors and the app keeps working', async ({ browser }) => {
  const user = await newTestUser('bridge');
  const member = await signIn(browser, app, user);
  await createRoom(member.page, 'Masih Jalan');
  const page = member.page;

  const unknown = await sendRaw(page, JSON.stringify({ id: 1, channel: 'fs:readFile', input: { path: '/etc/passwd' } }));
  expect(unknown).toEqual({ id: 1, result: { ok: false, error: { code: 'unknown_channel', detail: 'fs:readFile' } } });

  const wrongTypes = await sendRaw(page, JSON.stringify({ id: 2, channel: 'message:send', input: { roomId: 42, body: ['x'] } }));
  expect(wrongTypes).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_request' } } });

  const extraField = await sendRaw(page, JSON.stringify({ id: 3, channel: 'session:get', input: { token: 'x' } }));
  expect(extraField).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid_request' } } });

  const prototypePollution = await sendRaw(page, '{"id":4,"channel":"__proto__","input":{}}');
  expect(prototypePollution).toMatchObject({ id: 4, result: { ok: false, error: { code: 'unknown_channel' } } });

  const notJson = await sendRaw(page, 'this is not json {');
  expect(notJson).toMatchObject({ id: -1, result: { ok: false, error: { code: 'invalid_request' } } });

  const oversized = await sendRaw(page, JSON.stringify({ id: 5, channel: 'draft:set', input: { roomId: '!x:y', text: 'a'.repeat(600_000) } }));
  expect(oversized).toMatchObject({ id: 5, result: { ok: false, error: { code: 'payload_too_large' } } });

  // A frame far past any request's size is cut off by the socket itself (1009: message too big).
  const huge = await sendRaw(page, 'x'.repeat(8 * 1024 * 1024));
  expect(huge).toEqual({ closed: 1009 });

  // After all that, the member's own connection still works end to end.
  await send(page, 'masih bisa kirim');
  await expect(message(page, 'masih bisa kirim')).toHaveAttribute('data-send-state', 'sent');
});

test('the bridge refuses sockets without the secret or from another origin', async () => {
  const { port } = new URL(app.url);
  const secret = new URL(app.url).hash.replace('#bridge=', '');
  const attempt = (protocols: string[], origin: string): Promise<string> =>
    new Promise((resolve) => {
      const ws = new NodeWebSocket(`ws://127.0.0.1:${port}/bridge`, protocols, { origin });
      ws.on('open', () => {
        resolve('open');
        ws.close();
      });
      ws.on('unexpected-response', (_request, response) => {
        resolve(String(response.statusCode));
      });
      ws.on('error', () => {
        resolve('error');
      });
    });
  const origin = `http://127.0.0.1:${port}`;
  expect(await attempt(['rembuk-bridge.v1', 'secret.wrong'], origin)).toBe('403');
  expect(await attempt(['rembuk-bridge.v1'], origin)).toBe('403');
  expect(await attempt(['rembuk-bridge.v1', `secret.${secret}`], 'http://evil.example')).toBe('403');
  expect(await attempt(['rembuk-bridge.v1', `secret.${secret}`], origin)).toBe('open');
});
