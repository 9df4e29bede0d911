import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { silentLogger } from '../ports.ts';
import { SettingsStore } from './settings-store.ts';

const temp = useTempDir('rembuk-settings-');

const makeStore = () => new SettingsStore({ profileDir: temp.path, logger: silentLogger });

describe('SettingsStore', () => {
  it('follows the OS language until one is chosen', async () => {
    expect(await makeStore().get()).toEqual({ language: null, privateReceipts: false });
  });

  it('answers the updated settings and keeps them for a new instance', async () => {
    const store = makeStore();
    await expect(store.update({ language: 'id', privateReceipts: false })).resolves.toEqual({ language: 'id', privateReceipts: false });
    expect(await store.get()).toEqual({ language: 'id', privateReceipts: false });
    expect(await makeStore().get()).toEqual({ language: 'id', privateReceipts: false });
    expect(JSON.parse(await readFile(path.join(temp.path, 'settings.json'), 'utf8'))).toEqual({ language: 'id', privateReceipts: false });
  });

  it('can go back to following the OS', async () => {
    await makeStore().update({ language: 'en', privateReceipts: false });
    await makeStore().update({ language: null, privateReceipts: false });
    expect(await makeStore().get()).toEqual({ language: null, privateReceipts: false });
  });

  it('keeps what an empty change does not mention', async () => {
    await makeStore().update({ language: 'en', privateReceipts: false });
    await expect(makeStore().update({})).resolves.toEqual({ language: 'en', privateReceipts: false });
  });

  it('falls back to the defaults for a settings file it cannot use', async () => {
    await writeFile(path.join(temp.path, 'settings.json'), '{"language":"fr"}');
    expect(await makeStore().get()).toEqual({ language: null, privateReceipts: false });
  });

  it('reads a file from before private receipts existed, keeping its language', async () => {
    await writeFile(path.join(temp.path, 'settings.json'), '{"language":"id"}');
    expect(await makeStore().get()).toEqual({ language: 'id', privateReceipts: false });
  });

  it('keeps the private-receipts choice', async () => {
    await makeStore().update({ privateReceipts: true });
    expect(await makeStore().get()).toEqual({ language: null, privateReceipts: true });
  });
});
