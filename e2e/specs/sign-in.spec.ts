import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { openApp, signInThroughUi } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

let app: RunningApp;
let website: Server;
let websiteUrl: string;

test.beforeAll(async () => {
  app = await startApp();
  // A web server that is not a homeserver: it answers every path with an HTML page.
  website = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<h1>Koperasi kami</h1>');
  });
  await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
  websiteUrl = `http://127.0.0.1:${String((website.address() as AddressInfo).port)}`;
});
test.afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => website.close(resolve));
});

test('a wrong password, an unreachable server and a non-Matrix URL each get their own translated error', async ({ browser }) => {
  const user = await newTestUser('salah');
  const page = await openApp(browser, app);
  const error = page.getByTestId('signin-error');

  await signInThroughUi(page, { homeserverUrl: user.baseUrl, username: user.localpart, password: 'bukan-sandinya' });
  await expect(error).toHaveText(/kata sandi/i);

  // Port 9 on loopback: nothing listens there.
  await signInThroughUi(page, { homeserverUrl: 'http://127.0.0.1:9', username: user.localpart, password: user.password });
  await expect(error).toHaveText(/tidak dapat dihubungi/i);

  await signInThroughUi(page, { homeserverUrl: websiteUrl, username: user.localpart, password: user.password });
  await expect(error).toHaveText(/bukan server Matrix/i);

  // None of the failures signed anyone in.
  await expect(page.getByTestId('room-list')).toHaveCount(0);

  // And the right password still works afterwards.
  await signInThroughUi(page, { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  await expect(page.getByTestId('room-list')).toBeVisible();
});

test('sign-in errors are in English for an English-speaking member', async ({ browser }) => {
  const user = await newTestUser('english');
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const englishApp = await startApp();
  try {
    await page.goto(englishApp.url);
    await signInThroughUi(page, { homeserverUrl: user.baseUrl, username: user.localpart, password: 'wrong' });
    await expect(page.getByTestId('signin-error')).toHaveText(/password/i);
    await signInThroughUi(page, { homeserverUrl: websiteUrl, username: user.localpart, password: user.password });
    await expect(page.getByTestId('signin-error')).toHaveText(/not a Matrix/i);
  } finally {
    await englishApp.stop();
  }
});
