import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateFile } from './demo-state.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const freshDir = async (): Promise<string> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-demo-state-'));
  dirs.push(dir);
  return dir;
};

describe('the seed state file', () => {
  it('starts empty in a fresh folder', async () => {
    expect((await openStateFile(await freshDir())).read()).toEqual({});
  });

  it('merges each step in and writes it at once, so a later run finds what was seeded', async () => {
    const dir = await freshDir();
    const state = await openStateFile(dir);
    await state.update({ groupRoomId: '!group:localhost' });
    await state.update({ coop: { roomId: '!coop:localhost', closedProposalId: '$closed' } });
    expect(JSON.parse(await readFile(path.join(dir, 'seed.json'), 'utf8'))).toEqual({
      groupRoomId: '!group:localhost',
      coop: { roomId: '!coop:localhost', closedProposalId: '$closed' },
    });
    expect((await openStateFile(dir)).read()).toEqual(state.read());
  });
});
