import { expect, test } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, message, openNewMenu, openRoom, roomRow, send, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

test('two members chat both ways and each sees the other live', async ({ browser }) => {
  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice'), newTestUser('bob')]);
  const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(aliceApp, bobApp);
  const alice = await signIn(browser, aliceApp, aliceUser);
  const bob = await signIn(browser, bobApp, bobUser);

  await createRoom(alice.page, 'Rapat Anggota', [bobUser.userId]);
  await createRoom(alice.page, 'Kas Koperasi', [bobUser.userId]);
  await openRoom(alice.page, 'Rapat Anggota');

  // Bob sees the invites live, with who sent them, and accepts them; accepting opens the room.
  for (const name of ['Rapat Anggota', 'Kas Koperasi']) {
    const invite = roomRow(bob.page, name);
    await expect(invite).toBeVisible();
    await expect(invite).toContainText(aliceUser.displayName);
    await invite.getByTestId('invite-accept').click();
    await expect(invite.getByTestId('invite-accept')).toHaveCount(0);
    await expect(bob.page.getByTestId('room-header-name')).toHaveText(name);
  }

  // Alice's message shows at once as her own echo, then as sent.
  await send(alice.page, 'Halo Bob, rapat jam 9');
  const echo = message(alice.page, 'Halo Bob, rapat jam 9');
  await expect(echo).toBeVisible();
  await expect(echo).toHaveAttribute('data-send-state', 'sent');

  // Bob, looking at the other room, sees it in the room list: preview and an unread count.
  await expect(roomRow(bob.page, 'Rapat Anggota')).toContainText('Halo Bob, rapat jam 9');
  await expect(roomRow(bob.page, 'Rapat Anggota').getByTestId('room-unread')).toHaveText('1');
  await openRoom(bob.page, 'Rapat Anggota');
  await expect(message(bob.page, 'Halo Bob, rapat jam 9')).toBeVisible();
  await expect(roomRow(bob.page, 'Rapat Anggota').getByTestId('room-unread')).toHaveCount(0);

  // And back: Bob answers while both have the room open.
  await send(bob.page, 'Siap, Alice!');
  await expect(message(alice.page, 'Siap, Alice!')).toBeVisible();
  await send(alice.page, 'Terima kasih');
  await expect(message(bob.page, 'Terima kasih')).toBeVisible();

  // The newest room is first in the list, and its preview follows the conversation.
  await createRoom(alice.page, 'Arsip');
  await expect(alice.page.getByTestId('room-row').first()).toHaveAttribute('data-room-name', 'Arsip');
  await expect(roomRow(alice.page, 'Rapat Anggota')).toContainText('Terima kasih');
});

test('direct chats, invites by Matrix ID, and declining an invite', async ({ browser }) => {
  const [aliceUser, bobUser, carolUser] = await Promise.all([newTestUser('alice'), newTestUser('bob'), newTestUser('carol')]);
  const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(aliceApp, bobApp);
  const alice = await signIn(browser, aliceApp, aliceUser);
  const bob = await signIn(browser, bobApp, bobUser);

  // A direct chat: Bob's invite row is the room Alice started, and it works once accepted.
  await openNewMenu(alice.page, 'new-dm');
  await alice.page.getByTestId('new-dm-user').fill(bobUser.userId);
  await alice.page.getByTestId('new-dm-submit').click();
  await expect(alice.page.getByTestId('composer')).toBeVisible();
  await send(alice.page, 'Pesan pribadi');
  const dmInvite = bob.page.locator('[data-testid="room-row"]').filter({ has: bob.page.getByTestId('invite-accept') });
  await expect(dmInvite).toHaveCount(1);
  await dmInvite.getByTestId('invite-accept').click();
  await bob.page.locator('[data-testid="room-row"]').filter({ hasText: 'Pesan pribadi' }).click();
  await expect(message(bob.page, 'Pesan pribadi')).toBeVisible();

  // An invite by Matrix ID from the room header; a Matrix ID with no account is refused clearly.
  await createRoom(alice.page, 'Pengurus');
  await alice.page.getByTestId('room-invite').click();
  await alice.page.getByTestId('room-invite-user').fill('@tidak-ada-orang:localhost');
  await alice.page.getByTestId('room-invite-submit').click();
  await expect(alice.page.getByRole('alert')).toContainText(/tidak ditemukan|not found/i);
  await alice.page.getByTestId('room-invite-user').fill(carolUser.userId);
  await alice.page.getByTestId('room-invite-submit').click();
  await expect(alice.page.locator('[data-testid="timeline-item"][data-kind="membership"]').filter({ hasText: carolUser.displayName })).toBeVisible();

  // Bob declines an invite: it leaves his list and the room stays without him.
  await createRoom(alice.page, 'Ditolak', [bobUser.userId]);
  const declined = roomRow(bob.page, 'Ditolak');
  await expect(declined).toBeVisible();
  await declined.getByTestId('invite-decline').click();
  await expect(declined).toHaveCount(0);
});
