import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the seed has made, kept in `seed.json` in the demo folder: a step whose result is
 * here is not done again, so re-running the demo goes on in the same rooms.
 */
export type DemoState = {
  groupRoomId?: string;
  directRoomId?: string;
  coop?: { roomId: string; closedProposalId?: string; openProposalId?: string; closed?: boolean };
  importRoomId?: string;
};

export type StateFile = {
  read(): DemoState;
  /** Merges `change` in and writes the file at once (atomically): a crash loses no finished step. */
  update(change: Partial<DemoState>): Promise<void>;
};

export const openStateFile = async (demoDir: string): Promise<StateFile> => {
  const file = path.join(demoDir, 'seed.json');
  let state: DemoState = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoState) : {};
  return {
    read: () => state,
    update: async (change) => {
      state = { ...state, ...change };
      await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
      await rename(`${file}.tmp`, file);
    },
  };
};
