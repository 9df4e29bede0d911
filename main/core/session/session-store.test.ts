import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { KeyFileSecretBox } from '../storage/key-file-secret-box.ts';
import type { Logger } from '../ports.ts';
import { SessionStore, type SavedSession } from './session-store.ts';

const session: SavedSession = {
  homeserverUrl: 'https://matrix.example.org',
  userId: '@alice:example.org',
  deviceId: 'ABCDEFGH',
  accessToken: 'syt_YWxpY2U_SuperSecretToken_0123',
  storageKey: new Uint8Array(32).fill(7),
};

const temp = useTempDir('rembuk-session-');
let profile: string;

beforeEach(() => {
  profile = path.join(temp.path, 'profile');
});

const makeStore = async (profileDir = profile, keyDir = profileDir) => {
  const warn = vi.fn();
  const logger: Logger = { info: vi.fn(), warn, error: vi.fn() };
  const store = new SessionStore({ profileDir, secretBox: await KeyFileSecretBox.open(keyDir), logger });
  return { store, warn };
};

const sessionFile = (): string => path.join(profile, 'session.json');

describe('SessionStore', () => {
  it('loads nothing before anything was saved', async () => {
    const { store, warn } = await makeStore();
    expect(await store.load()).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('loads what it saved, in this and in a new instance', async () => {
    const { store } = await makeStore();
    await store.save(session);
    expect(await store.load()).toEqual(session);
    expect(await (await makeStore()).store.load()).toEqual(session);
  });

  it('never writes the access token in the clear', async () => {
    const { store } = await makeStore();
    await store.save(session);
    const raw = await readFile(sessionFile(), 'utf8');
    expect(raw).not.toContain(session.accessToken);
    expect(raw).not.toContain('SuperSecretToken');
    const onDisk = JSON.parse(raw) as Record<string, unknown>;
    expect(onDisk).not.toHaveProperty('accessToken');
    expect(onDisk.userId).toBe(session.userId);
  });

  it.each([
    ['not JSON', 'this is not json'],
    ['the wrong version', JSON.stringify({ version: 2, homeserverUrl: 'h', userId: 'u', deviceId: 'd', sealedAccessToken: 'AA==' })],
    ['a missing field', JSON.stringify({ version: 1, homeserverUrl: 'h', userId: 'u', sealedAccessToken: 'AA==' })],
    ['a token that is not sealed', JSON.stringify({ version: 1, homeserverUrl: 'h', userId: 'u', deviceId: 'd', sealedAccessToken: 'c2VjcmV0' })],
  ])('answers null, without throwing, for a file with %s', async (_label, content) => {
    const { store, warn } = await makeStore();
    await writeFile(sessionFile(), content);
    await expect(store.load()).resolves.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('answers null for a session sealed with another key', async () => {
    await (await makeStore()).store.save(session);
    const { store, warn } = await makeStore(profile, path.join(temp.path, 'other-key'));
    await expect(store.load()).resolves.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('answers null when the sealed token was tampered with', async () => {
    const { store } = await makeStore();
    await store.save(session);
    const onDisk = JSON.parse(await readFile(sessionFile(), 'utf8')) as { sealedAccessToken: string };
    const sealed = Buffer.from(onDisk.sealedAccessToken, 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0xff;
    await writeFile(sessionFile(), JSON.stringify({ ...onDisk, sealedAccessToken: sealed.toString('base64') }));
    await expect(store.load()).resolves.toBeNull();
  });

  it('clear removes the file, and clearing twice is fine', async () => {
    const { store } = await makeStore();
    await store.save(session);
    await store.clear();
    expect(await readdir(profile)).not.toContain('session.json');
    expect(await store.load()).toBeNull();
    await expect(store.clear()).resolves.toBeUndefined();
  });
});

describe('the storage key of the encrypted stores', () => {
  it('is sealed like the token, and a session saved before it existed gets one that then stays', async () => {
    const { store } = await makeStore();
    await store.save(session);
    const onDisk = await readFile(sessionFile(), 'utf8');
    expect(onDisk).not.toContain(Buffer.from(session.storageKey).toString('base64'));

    const record = JSON.parse(onDisk) as Record<string, unknown>;
    delete record.sealedStorageKey;
    await writeFile(sessionFile(), JSON.stringify(record));
    const upgraded = await (await makeStore()).store.load();
    expect(upgraded?.storageKey).toHaveLength(32);
    const again = await (await makeStore()).store.load();
    expect(again?.storageKey).toEqual(upgraded?.storageKey);
  });
});
