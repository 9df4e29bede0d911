import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, message, signIn } from '../fixtures/member.ts';
import { NIO_MISSING_REASON, nioAvailable, startNioPeer, type NioPeer } from '../fixtures/nio-peer.ts';
import { newTestUser } from '../fixtures/users.ts';

let app: RunningApp | undefined;
let nio: NioPeer | undefined;
test.afterEach(async () => {
  await nio?.stop();
  await app?.stop();
});

test('Rembuk and matrix-nio (Olm, a client we did not write) read each other in an encrypted room', async ({ browser }) => {
  // CI installs nio (.ci/run): there a missing nio is a failure, not a skip.
  test.skip(!nioAvailable() && process.env.CI !== 'true', NIO_MISSING_REASON);
  const [memberUser, nioUser] = await Promise.all([newTestUser('anggota'), newTestUser('nio')]);
  nio = await startNioPeer({ homeserverUrl: nioUser.baseUrl, userId: nioUser.userId, password: nioUser.password });
  await nio.login();

  app = await startApp();
  const { page } = await signIn(browser, app, memberUser);
  await createRoom(page, 'Lintas Klien', [nioUser.userId]);
  await expect(page.getByTestId('room-encrypted')).toBeVisible();

  // Rembuk shares the room key only with members who joined: wait until it has seen nio join.
  const roomId = await page.locator('[data-testid="room-row"][data-room-name="Lintas Klien"]').getAttribute('data-room-id');
  expect(await nio.acceptInvites()).toContain(roomId);
  await expect(page.locator('[data-testid="timeline-item"][data-kind="membership"]').filter({ hasText: /bergabung|joined/ })).toHaveCount(2);

  await page.getByTestId('composer').fill('Halo dari Rembuk');
  await page.getByTestId('composer').press('Enter');
  await expect(message(page, 'Halo dari Rembuk')).toHaveAttribute('data-send-state', 'sent');
  const received = await nio.waitFor(roomId ?? '', 'Halo dari Rembuk', 30);
  expect(received.decrypted, 'nio got it as a Megolm event and decrypted it').toBe(true);
  expect(received.sender).toBe(memberUser.userId);

  const sent = await nio.send(roomId ?? '', 'Halo dari nio');
  expect(sent.encrypted).toBe(true);
  await expect(message(page, 'Halo dari nio')).toBeVisible();
  await expect(page.locator('[data-testid="timeline-item"][data-kind="encrypted"]')).toHaveCount(0);
});
