import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';

const cli = fileURLToPath(new URL('../demo/cli.ts', import.meta.url));

/** Runs `npm run demo -- --check` (without the build: the e2e run has built dist/) in `demoDir`. */
const runCheck = async (demoDir: string): Promise<{ code: number; output: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--disable-warning=ExperimentalWarning', cli, '--check'], {
      env: { ...process.env, REMBUK_DEMO_DIR: demoDir },
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}\n${failed.stderr ?? ''}` };
  }
};

/** Every line the check prints as it reads the demo back, one per thing the demo shows. */
const checked = [
  'OK windows signed in, recovery key saved',
  'OK encrypted group room',
  'OK replies, reactions, an edit and a deletion',
  'OK a mention',
  'OK direct chat',
  'OK co-op with its charter',
  'OK one open and one closed proposal',
  'OK room imported from WhatsApp, with media',
];

test('the demo seeds a whole co-op within a minute, verified through the bridge, and a second run reuses it', async () => {
  test.setTimeout(6 * 60_000);
  // A fresh folder of its own, so the test never touches a member's demo.
  const demoDir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-demo-'));
  try {
    const first = await runCheck(demoDir);
    expect(first.code, first.output).toBe(0);
    for (const line of checked) {
      expect(first.output, first.output).toContain(line);
    }
    expect(first.output).toContain('DEMO CHECK PASSED');
    expect(first.output).not.toContain('MISSING');
    const seconds = Number(/demo seeded in ([\d.]+) s/.exec(first.output)?.[1] ?? 'NaN');
    console.log(`demo seeded in ${String(seconds)} s`);
    expect(seconds).toBeLessThan(60);
    expect(first.output).toContain('Koperasi Kopi Lereng Merapi, 4 members, encrypted');
    expect(first.output).toMatch(/closed: "Menaikkan simpanan wajib menjadi Rp15\.000" → passed/);

    // Again on the same folder: nothing seeded twice, the same rooms found.
    const seed = await readFile(path.join(demoDir, 'seed.json'), 'utf8');
    const second = await runCheck(demoDir);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('DEMO CHECK PASSED');
    expect(await readFile(path.join(demoDir, 'seed.json'), 'utf8')).toBe(seed);
    expect(second.output).not.toContain('akun / accounts');
    expect(second.output).toContain('12 messages, 4 replies');
  } finally {
    await rm(demoDir, { recursive: true, force: true });
  }
});
