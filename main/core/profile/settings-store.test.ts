import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../ports.ts';
import { SettingsStore } from './settings-store.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rembuk-settings-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const makeStore = () => new SettingsStore({ profileDir: dir, logger: silentLogger });

describe('SettingsStore', () => {
  it('follows the OS language until one is chosen', async () => {
    expect(await makeStore().get()).toEqual({ language: null });
  });

  it('answers the updated settings and keeps them for a new instance', async () => {
    const store = makeStore();
    await expect(store.update({ language: 'id' })).resolves.toEqual({ language: 'id' });
    expect(await store.get()).toEqual({ language: 'id' });
    expect(await makeStore().get()).toEqual({ language: 'id' });
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'id' });
  });

  it('can go back to following the OS', async () => {
    await makeStore().update({ language: 'en' });
    await makeStore().update({ language: null });
    expect(await makeStore().get()).toEqual({ language: null });
  });

  it('keeps what an empty change does not mention', async () => {
    await makeStore().update({ language: 'en' });
    await expect(makeStore().update({})).resolves.toEqual({ language: 'en' });
  });

  it('falls back to the defaults for a settings file it cannot use', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"language":"fr"}');
    expect(await makeStore().get()).toEqual({ language: null });
  });
});
