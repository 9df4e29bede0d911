import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { createRoom, openApp, openRoom, roomRow, signIn } from '../fixtures/member.ts';
import { startOwnHomeserver, type OwnHomeserver } from '../fixtures/own-homeserver.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';
import { whatsappFixture } from '../../main/core/test-support/shared-fixtures.ts';

const MEDIA = whatsappFixture('zips', 'media');
const JPG = path.join(MEDIA, 'sample.jpg');
const PDF = path.join(MEDIA, 'sample.pdf');
const OPUS = path.join(MEDIA, 'sample.opus');

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

const apps: RunningApp[] = [];
let ownHomeserver: OwnHomeserver | undefined;
test.afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.stop()));
  await ownHomeserver?.stop();
  ownHomeserver = undefined;
});

const mediaItems = (page: Page, msgtype: string): Locator => page.locator(`[data-testid="timeline-item"][data-kind="media"][data-msgtype="${msgtype}"]`);

/** Picks files with the composer's picker (or the voice one), adds a caption, sends. */
const attach = async (page: Page, file: string, options: { caption?: string; voice?: boolean } = {}): Promise<void> => {
  await page.getByTestId(options.voice === true ? 'voice-input' : 'attach-input').setInputFiles(file);
  await expect(page.getByTestId('attachment-preview')).toBeVisible();
  if (options.caption !== undefined) {
    await page.getByTestId('attachment-caption').fill(options.caption);
  }
  await page.getByTestId('attachment-send').click();
  await expect(page.getByTestId('attachment-preview')).toHaveCount(0);
};

const naturalWidth = (image: Locator): Promise<number> => image.evaluate((element) => (element as HTMLImageElement).naturalWidth);

/** The media a user uploaded, as the server keeps it (the admin API), each downloaded with the user's token. */
const uploadedMedia = async (user: TestUser, admin: TestUser): Promise<{ type: string; name: string | null; bytes: Buffer }[]> => {
  const listing = await fetch(`${user.baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(user.userId)}/media`, {
    headers: { Authorization: `Bearer ${admin.accessToken}` },
  });
  expect(listing.ok).toBe(true);
  const { media } = (await listing.json()) as { media: { media_id: string; media_type: string; upload_name: string | null }[] };
  return Promise.all(
    media.map(async (item) => {
      const response = await fetch(`${user.baseUrl}/_matrix/client/v1/media/download/${user.serverName}/${item.media_id}`, {
        headers: { Authorization: `Bearer ${user.accessToken}` },
      });
      expect(response.ok).toBe(true);
      return { type: item.media_type, name: item.upload_name, bytes: Buffer.from(await response.arrayBuffer()) };
    }),
  );
};

test('an image with a caption, a PDF and a voice note cross an encrypted room, and the server sees only ciphertext', async ({ browser }) => {
  test.setTimeout(150_000);
  const [aliceUser, bobUser, admin] = await Promise.all([newTestUser('alice'), newTestUser('bob'), newTestUser('admin', { admin: true })]);
  const [aliceApp, bobApp] = await Promise.all([startApp(), startApp()]);
  apps.push(aliceApp, bobApp);
  const alice = await signIn(browser, aliceApp, aliceUser);
  const bob = await signIn(browser, bobApp, bobUser);

  await createRoom(alice.page, 'Berkas Rapat', [bobUser.userId]);
  const invite = roomRow(bob.page, 'Berkas Rapat');
  await invite.getByTestId('invite-accept').click();
  await expect(bob.page.getByTestId('room-header-name')).toHaveText('Berkas Rapat');
  // Bob has joined before anything is sent, so the room key is shared with him.
  await expect(
    alice.page.locator('[data-testid="timeline-item"][data-kind="membership"]').filter({ hasText: `${bobUser.displayName} bergabung` }),
  ).toBeVisible();

  await attach(alice.page, JPG, { caption: 'Foto rapat anggota' });
  await attach(alice.page, PDF);
  await attach(alice.page, OPUS, { voice: true });
  for (const msgtype of ['image', 'file', 'voice']) {
    await expect(mediaItems(alice.page, msgtype)).toHaveAttribute('data-send-state', 'sent', { timeout: 30_000 });
  }
  // The sender sees their own picture too, from the cache main filled as it sent it.
  await expect.poll(() => naturalWidth(mediaItems(alice.page, 'image').getByTestId('media-image'))).toBeGreaterThan(0);

  // Bob sees the picture inline with its caption, decrypted by his core.
  const image = mediaItems(bob.page, 'image');
  await expect(image.getByTestId('media-caption')).toHaveText('Foto rapat anggota');
  await expect.poll(() => naturalWidth(image.getByTestId('media-image')), { timeout: 30_000 }).toBeGreaterThan(0);
  // No homeserver URL, token or key reaches the page: the image comes from the core's own origin.
  const src = (await image.getByTestId('media-image').getAttribute('src')) ?? '';
  expect(src).toMatch(/^\/media\/[A-Za-z0-9_-]{32}$/);
  expect(await bob.page.content()).not.toMatch(/mxc:\/\/|access_token|syt_/);

  // Full size in the viewer.
  await image.getByTestId('media-open').click();
  await expect.poll(() => naturalWidth(bob.page.getByTestId('media-viewer-image'))).toBeGreaterThan(0);
  await bob.page.keyboard.press('Escape');
  await expect(bob.page.getByTestId('media-viewer')).toHaveCount(0);

  // The PDF downloads with exactly the bytes Alice sent (the browser's way: no native picker in a test).
  const pdf = mediaItems(bob.page, 'file');
  await expect(pdf.getByTestId('media-filename')).toHaveText('sample.pdf');
  await bob.page.evaluate(() => {
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
  });
  const downloading = bob.page.waitForEvent('download');
  await pdf.getByTestId('media-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sample.pdf');
  const saved = await readFile(await download.path());
  expect(sha256(saved)).toBe(sha256(await readFile(PDF)));

  // The voice note has a player.
  const voice = mediaItems(bob.page, 'voice');
  await expect(voice.getByTestId('media-audio')).toHaveAttribute('src', /^\/media\//);

  // The homeserver saw encrypted events only, and stores ciphertext that matches none of the files.
  const roomId = (await roomRow(alice.page, 'Berkas Rapat').getAttribute('data-room-id')) ?? '';
  const history = await matrixApi(aliceUser.baseUrl, aliceUser.accessToken).messages(roomId);
  expect(history.filter((event) => event.type === 'm.room.message')).toEqual([]);
  expect(history.filter((event) => event.type === 'm.room.encrypted').length).toBeGreaterThanOrEqual(3);
  const stored = await uploadedMedia(aliceUser, admin);
  // The image, its thumbnail, the PDF and the voice note.
  expect(stored).toHaveLength(4);
  const originals = await Promise.all([JPG, PDF, OPUS].map((file) => readFile(file)));
  for (const item of stored) {
    expect(item.type).toBe('application/octet-stream');
    expect(item.name).toBeNull();
    for (const original of originals) {
      expect(item.bytes.equals(original)).toBe(false);
    }
  }
  expect(stored.map((item) => item.bytes.length).sort((a, b) => a - b)).toEqual(expect.arrayContaining(originals.map((file) => file.length)));
});

test("a file over the server's upload limit is refused with its limit before anything is uploaded", async ({ browser }) => {
  const [user, admin] = await Promise.all([newTestUser('besar'), newTestUser('admin', { admin: true })]);
  const config = await fetch(`${user.baseUrl}/_matrix/client/v1/media/config`, { headers: { Authorization: `Bearer ${user.accessToken}` } });
  const limit = ((await config.json()) as { 'm.upload.size': number })['m.upload.size'];
  expect(limit).toBeGreaterThan(0);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-big-'));
  const big = path.join(dir, 'terlalu-besar.bin');
  // A sparse file: a megabyte over the limit, without writing it all.
  await writeFile(big, '');
  await truncate(big, limit + 1024 * 1024);
  try {
    const app = await startApp();
    apps.push(app);
    const { page } = await signIn(browser, app, user);
    await createRoom(page, 'Terlalu Besar');
    await page.getByTestId('attach-input').setInputFiles(big);
    const error = page.getByTestId('media-error');
    await expect(error).toHaveAttribute('data-code', 'file_too_large');
    await expect(error).toContainText(`${String(Math.floor(limit / (1024 * 1024)))} MB`);
    await expect(error).toContainText(/terlalu besar/);
    await expect(page.getByTestId('attachment-preview')).toHaveCount(0);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="media"]')).toHaveCount(0);
    expect(await uploadedMedia(user, admin)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an image queued while the homeserver is down survives a crash of the core and is sent exactly once', async ({ browser }) => {
  test.setTimeout(240_000);
  ownHomeserver = await startOwnHomeserver('media-crash');
  const user = await ownHomeserver.user('anggota', 'sandi-anggota');
  const first = await startApp();
  apps.push(first);
  const { page } = await signIn(browser, first, user);
  await createRoom(page, 'Foto Tertunda');

  // Queued and never acknowledged: the server is down when it is sent.
  await ownHomeserver.stop();
  await attach(page, JPG, { caption: 'dikirim saat putus' });
  const queued = mediaItems(page, 'image');
  await expect(queued).toHaveAttribute('data-send-state', 'failed', { timeout: 60_000 });
  // A crash, not a quit: nothing gets to flush.
  await first.kill();
  apps.splice(0);
  await ownHomeserver.restart();

  const second = await startApp({ profileDir: first.profileDir });
  apps.push(second);
  const again = await openApp(browser, second);
  await openRoom(again, 'Foto Tertunda');
  const image = mediaItems(again, 'image');
  await expect(image).toHaveAttribute('data-send-state', 'sent', { timeout: 60_000 });
  await expect(image).toHaveCount(1);
  await expect(image.getByTestId('media-caption')).toHaveText('dikirim saat putus');
  await expect.poll(() => naturalWidth(image.getByTestId('media-image'))).toBeGreaterThan(0);

  // Once on the server as well (encrypted, so counted by its sender).
  const roomId = (await roomRow(again, 'Foto Tertunda').getAttribute('data-room-id')) ?? '';
  const history = await matrixApi(user.baseUrl, user.accessToken).messages(roomId);
  expect(history.filter((event) => event.type === 'm.room.encrypted' && (event as { sender?: string }).sender === user.userId)).toHaveLength(1);
});
