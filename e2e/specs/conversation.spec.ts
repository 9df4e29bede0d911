import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { createRoom, message, messageFrame as frame, openApp, openRoom, roomRow, send, signIn } from '../fixtures/member.ts';
import { newTestUser } from '../fixtures/users.ts';

const apps: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
});

/** The frame whose text holds `text` (a reply or a mention has more than the words typed). */
const itemWith = (page: Page, text: string): Locator => page.getByTestId('message-frame').filter({ hasText: text });

/** The message toolbar shows on hover or focus, as in Element: hover first, then its button. */
const act = async (item: Locator, action: 'reply' | 'react' | 'edit' | 'delete'): Promise<void> => {
  await item.hover();
  await item.getByTestId(`action-${action}`).click();
};

test('two members in an encrypted room reply, react, edit, delete, mention, see typing and read receipts, live and after a crash', async ({ browser }) => {
  test.setTimeout(4 * 60_000);
  const [aliceUser, bobUser] = await Promise.all([newTestUser('alice', { displayName: 'Alice Bendahara' }), newTestUser('bob', { displayName: 'Bob Ketua' })]);
  const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(aliceApp, bobApp);
  const alice = await signIn(browser, aliceApp, aliceUser);
  const bob = await signIn(browser, bobApp, bobUser);

  await createRoom(alice.page, 'Obrolan Harian', [bobUser.userId]);
  await expect(alice.page.getByTestId('room-encrypted')).toBeVisible();
  await roomRow(bob.page, 'Obrolan Harian').getByTestId('invite-accept').click();
  await expect(bob.page.getByTestId('room-header-name')).toHaveText('Obrolan Harian');

  await send(alice.page, 'Rapat besok jam 9');
  const original = frame(bob.page, 'Rapat besok jam 9');
  await expect(original).toBeVisible();

  // Typing: Bob types without sending, Alice sees it; sending ends it.
  await bob.page.getByTestId('composer').pressSequentially('Siap');
  await expect(alice.page.getByTestId('typing-line')).toHaveText('Bob Ketua sedang mengetik…');
  await bob.page.getByTestId('composer').fill('');

  // Reply: the banner names what is answered, the reply carries a quote of it on both sides.
  await act(original, 'reply');
  await expect(bob.page.getByTestId('composer-banner')).toContainText('Rapat besok jam 9');
  await send(bob.page, 'Siap hadir');
  await expect(bob.page.getByTestId('composer-banner')).toHaveCount(0);
  await expect(alice.page.getByTestId('typing-line')).toHaveText('');
  const reply = itemWith(alice.page, 'Siap hadir');
  await expect(reply.getByTestId('reply-quote')).toContainText('Rapat besok jam 9');
  await expect(itemWith(bob.page, 'Siap hadir').getByTestId('reply-quote')).toContainText('Rapat besok jam 9');

  // Read receipts: Bob has read Alice's message (he replied with the room open).
  await expect(frame(alice.page, 'Rapat besok jam 9').getByTestId('read-receipts')).toHaveCount(0);
  await send(alice.page, 'Terima kasih, Bob');
  await expect(message(bob.page, 'Terima kasih, Bob')).toBeVisible();
  await expect(frame(alice.page, 'Terima kasih, Bob').getByTestId('delivery')).toHaveText('Dibaca oleh 1');
  await expect(frame(alice.page, 'Terima kasih, Bob').getByTestId('read-receipts')).toHaveAttribute('aria-label', 'Dibaca oleh Bob Ketua');

  // React: Bob picks 👍 from the quick row; Alice sees it, adds hers, takes it back.
  await act(frame(bob.page, 'Rapat besok jam 9'), 'react');
  await bob.page.getByTestId('quick-emoji').first().click();
  const aliceChip = frame(alice.page, 'Rapat besok jam 9').getByTestId('reaction-chip');
  await expect(aliceChip).toHaveText('👍1');
  await expect(aliceChip).toHaveAttribute('aria-pressed', 'false');
  await expect(aliceChip).toHaveAttribute('title', /Bob Ketua/);
  await aliceChip.click();
  await expect(aliceChip).toHaveText('👍2');
  await expect(aliceChip).toHaveAttribute('aria-pressed', 'true');
  await expect(frame(bob.page, 'Rapat besok jam 9').getByTestId('reaction-chip')).toHaveText('👍2');
  await aliceChip.click();
  await expect(aliceChip).toHaveText('👍1');
  await expect(aliceChip).toHaveAttribute('aria-pressed', 'false');
  await expect(frame(bob.page, 'Rapat besok jam 9').getByTestId('reaction-chip')).toHaveText('👍1');

  // Edit: Up in the empty composer takes Alice's last message; Bob sees the new text, marked edited.
  await alice.page.getByTestId('composer').focus();
  await alice.page.keyboard.press('ArrowUp');
  await expect(alice.page.getByTestId('composer')).toHaveValue('Terima kasih, Bob');
  await send(alice.page, 'Terima kasih banyak, Bob');
  const edited = message(bob.page, 'Terima kasih banyak, Bob');
  await expect(edited.getByTestId('message-edited')).toBeVisible();
  await expect(message(bob.page, 'Terima kasih, Bob')).toHaveCount(0);

  // Delete: Alice takes back a message, with a confirm; both see "message deleted" in place.
  await send(alice.page, 'Salah kirim');
  await expect(message(bob.page, 'Salah kirim')).toBeVisible();
  await act(frame(alice.page, 'Salah kirim'), 'delete');
  await alice.page.getByTestId('delete-confirm').click();
  await expect(message(alice.page, 'Salah kirim')).toHaveCount(0);
  await expect(message(bob.page, 'Salah kirim')).toHaveCount(0);
  await expect(bob.page.locator('[data-testid="timeline-item"][data-kind="redacted"]')).toHaveText(['Pesan dihapus']);

  // Mention: Alice looks at another room; Bob @-mentions her; her room row counts it apart.
  await createRoom(alice.page, 'Catatan Pribadi');
  await bob.page.getByTestId('composer').pressSequentially('@Alice');
  await bob.page.getByTestId('mention-option').filter({ hasText: 'Alice Bendahara' }).click();
  await expect(bob.page.getByTestId('composer')).toHaveValue(/Alice Bendahara/);
  await bob.page.getByTestId('composer').pressSequentially('tolong cek kas');
  await bob.page.getByTestId('composer').press('Enter');
  await expect(roomRow(alice.page, 'Obrolan Harian').getByTestId('room-highlight')).toHaveText('@1');
  await openRoom(alice.page, 'Obrolan Harian');
  await expect(itemWith(alice.page, 'tolong cek kas')).toHaveClass(/mentions-me/);
  await expect(roomRow(alice.page, 'Obrolan Harian').getByTestId('room-highlight')).toHaveCount(0);

  // A crash of each core (SIGKILL, nothing flushed): after restart each side shows everything as
  // it was, nothing doubled, and the conversation goes on.
  await Promise.all([alice.page.close(), bob.page.close()]);
  await Promise.all([aliceApp.kill(), bobApp.kill()]);
  const [aliceAgain, bobAgain] = await Promise.all([startApp({ profileDir: aliceApp.profileDir }), startApp({ profileDir: bobApp.profileDir })]);
  apps.push(aliceAgain, bobAgain);
  const pages = { alice: await openApp(browser, aliceAgain), bob: await openApp(browser, bobAgain) };
  for (const page of [pages.alice, pages.bob]) {
    await openRoom(page, 'Obrolan Harian');
    await expect(itemWith(page, 'Siap hadir').getByTestId('reply-quote')).toContainText('Rapat besok jam 9');
    await expect(frame(page, 'Rapat besok jam 9').getByTestId('reaction-chip')).toHaveText('👍1');
    await expect(message(page, 'Terima kasih banyak, Bob').getByTestId('message-edited')).toBeVisible();
    await expect(page.locator('[data-testid="timeline-item"][data-kind="redacted"]')).toHaveText(['Pesan dihapus']);
    for (const text of ['Rapat besok jam 9', 'Terima kasih banyak, Bob']) {
      await expect(message(page, text)).toHaveCount(1);
    }
    await expect(itemWith(page, 'Siap hadir')).toHaveCount(1);
    await expect(itemWith(page, 'tolong cek kas')).toHaveCount(1);
    await expect(itemWith(page, 'Terima kasih, Bob')).toHaveCount(0);
  }
  await expect(itemWith(pages.alice, 'tolong cek kas')).toHaveClass(/mentions-me/);
  await expect(itemWith(pages.bob, 'tolong cek kas')).not.toHaveClass(/mentions-me/);
  // Receipts after the crash: Alice has read Bob's newest message, and Bob sees it.
  const bobsNewest = itemWith(pages.bob, 'tolong cek kas');
  await expect(bobsNewest.getByTestId('delivery')).toHaveText('Dibaca oleh 1');
  await expect(bobsNewest.getByTestId('read-receipts')).toHaveAttribute('aria-label', 'Dibaca oleh Alice Bendahara');

  await send(pages.alice, 'Sudah saya cek');
  await expect(message(pages.bob, 'Sudah saya cek')).toBeVisible();
  await act(frame(pages.bob, 'Sudah saya cek'), 'react');
  await pages.bob.getByTestId('quick-emoji').first().click();
  await expect(frame(pages.alice, 'Sudah saya cek').getByTestId('reaction-chip')).toHaveText('👍1');
});
