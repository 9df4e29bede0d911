import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileInUseError, lockProfile } from './profile-lock.ts';

let dir: string;
let lockFile: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rembuk-lock-'));
  lockFile = path.join(dir, 'rembuk.lock');
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await once(child, 'exit');
    }
  }
  await rm(dir, { recursive: true, force: true });
});

/** Another live process whose pid can stand in for a second Rembuk. */
const spawnLiveProcess = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { stdio: 'ignore' });
  children.push(child);
  await once(child, 'spawn');
  if (child.pid === undefined) {
    throw new Error('child has no pid');
  }
  return child.pid;
};

/** The pid of a process that has already exited, as a crashed Rembuk leaves behind. */
const exitedPid = (): number => {
  const result = spawnSync(process.execPath, ['-e', '0']);
  if (result.pid === 0) {
    throw new Error('could not spawn');
  }
  return result.pid;
};

describe('lockProfile', () => {
  it('writes our pid to rembuk.lock, readable by the owner only', async () => {
    await lockProfile(dir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
    expect((await stat(lockFile)).mode & 0o777).toBe(0o600);
  });

  it('refuses a profile another live process holds, naming its pid and leaving its lock alone', async () => {
    const pid = await spawnLiveProcess();
    await writeFile(lockFile, String(pid));
    const error: unknown = await lockProfile(dir).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ProfileInUseError);
    expect((error as ProfileInUseError).pid).toBe(pid);
    expect(await readFile(lockFile, 'utf8')).toBe(String(pid));
  });

  it('takes over a lock whose process has exited', async () => {
    await writeFile(lockFile, String(exitedPid()));
    await lockProfile(dir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
  });

  it.each(['', 'not a pid', '-5', '0', '3.5'])('takes over a lock file holding %j', async (content) => {
    await writeFile(lockFile, content);
    await lockProfile(dir);
    expect(await readFile(lockFile, 'utf8')).toBe(String(process.pid));
  });

  it('release removes the lock file, and the profile can be locked again', async () => {
    const release = await lockProfile(dir);
    await release();
    expect(await readdir(dir)).toEqual([]);
    const again = await lockProfile(dir);
    await again();
  });

  it('can lock the profile once a live holder has released it', async () => {
    const pid = await spawnLiveProcess();
    await writeFile(lockFile, String(pid));
    await expect(lockProfile(dir)).rejects.toBeInstanceOf(ProfileInUseError);
    await rm(lockFile);
    await expect(lockProfile(dir)).resolves.toBeTypeOf('function');
  });
});
