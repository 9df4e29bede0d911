import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export class ProfileInUseError extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(`another Rembuk process (pid ${String(pid)}) has this profile open`);
    this.pid = pid;
    this.name = 'ProfileInUseError';
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Only one process may own a profile: two would write the same files and, later, the
 * same crypto store. A lock left by a crashed process (its pid gone) is taken over.
 */
export const lockProfile = async (profileDir: string): Promise<() => Promise<void>> => {
  const file = path.join(profileDir, 'rembuk.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const pid = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new ProfileInUseError(pid);
      }
      await rm(file, { force: true });
    }
  }
  throw new Error(`could not lock ${profileDir}`);
};
