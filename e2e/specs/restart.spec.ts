import { access } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, openApp, openRoom, roomRow, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

test('a restart of the main core keeps the member signed in with their rooms and drafts', async ({ browser }) => {
  const user = await newTestUser('tetap');
  const first = await startApp();
  const member = await signIn(browser, first, user);
  await createRoom(member.page, 'Tetap Ada');
  await member.page.getByTestId('composer').fill('draf yang belum dikirim');
  // The draft reaches main shortly after typing stops.
  await expect.poll(() => exists(path.join(first.profileDir, 'drafts.json'))).toBe(true);

  // The token is on disk only sealed.
  const { readFile } = await import('node:fs/promises');
  const sessionFile = await readFile(path.join(first.profileDir, 'session.json'), 'utf8');
  expect(sessionFile).toContain(user.userId);
  expect(sessionFile).not.toMatch(/syt_|"accessToken"/);

  // A crash, not a clean quit: nothing gets the chance to flush.
  await first.kill();
  const second = await startApp({ profileDir: first.profileDir });
  running.push(second);
  const page = await openApp(browser, second);
  await expect(page.getByTestId('room-list')).toBeVisible();
  await expect(page.getByTestId('signin-submit')).toHaveCount(0);
  await expect(roomRow(page, 'Tetap Ada')).toBeVisible();
  await openRoom(page, 'Tetap Ada');
  await expect(page.getByTestId('composer')).toHaveValue('draf yang belum dikirim');
});

test('signing out removes the session data and the next start asks to sign in', async ({ browser }) => {
  const user = await newTestUser('keluar');
  const first = await startApp();
  const member = await signIn(browser, first, user);
  await member.page.getByTestId('settings-open').click();
  await member.page.getByTestId('sign-out').click();
  await expect(member.page.getByTestId('signin-submit')).toBeVisible();
  expect(await exists(path.join(first.profileDir, 'session.json'))).toBe(false);
  await first.stop();

  const second = await startApp({ profileDir: first.profileDir });
  running.push(second);
  const page = await openApp(browser, second);
  await expect(page.getByTestId('signin-submit')).toBeVisible();
});

test('a second core on the same profile is refused with a clear message', async () => {
  const first = await startApp();
  running.push(first);
  await expect(startApp({ profileDir: first.profileDir })).rejects.toThrow(/already running|sudah berjalan/);
});
