import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Test code never ships: scans the build (dist/main's compiled files, the preload and renderer bundles) for
 * test helpers by file name and for anything importing a test tool, and keeps the preload free of zod.
 * `npm test` runs it right after `npm run build`; it exits 1 naming every offender.
 */
export type Offence = { file: string; reason: string };

/** Test-only files by name, as they appear compiled (`.js`) or as sources (`.ts`, in source maps). */
const testHelperNames: readonly RegExp[] = [
  /(^|\/)test-support\//,
  /(^|\/)renderer\/src\/test\//,
  /(^|\/)test-(helpers|profile|fixtures|zip|room)\.[cm]?[jt]sx?(\.map)?$/,
  /(^|\/)temp-dir\.[cm]?[jt]sx?(\.map)?$/,
  /\.(test|fixture)\.[cm]?[jt]sx?(\.map)?$/,
];

/** Importing or requiring a test tool, minified or not; vitest's own globals. */
const testToolUse = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:vitest|@vitest\/[^"']*|fast-check|jsdom)["']|__vitest_|import\.meta\.vitest/;

/** zod's runtime, which the preload must not carry (it would parse in a sandbox that needs no schemas). */
const zodRuntime = /\bZodError\b|["']zod["']/;

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
};

export const findTestCode = async (distDir: string): Promise<Offence[]> => {
  const offences: Offence[] = [];
  for (const absolute of await filesUnder(distDir)) {
    const file = path.relative(distDir, absolute).split(path.sep).join('/');
    if (testHelperNames.some((pattern) => pattern.test(file))) {
      offences.push({ file, reason: 'a test-only file was built into dist/' });
      continue;
    }
    if (!/\.(c|m)?js$/.test(file)) {
      continue;
    }
    const text = await readFile(absolute, 'utf8');
    const tool = testToolUse.exec(text);
    if (tool) {
      offences.push({ file, reason: `it uses a test tool (${tool[0]})` });
    }
    if (file.startsWith('preload/') && zodRuntime.test(text)) {
      offences.push({ file, reason: 'the preload bundle carries zod: the preload must not import the contract (the dispatcher in main checks channels)' });
    }
  }
  return offences;
};

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const offences = await findTestCode(distDir);
  for (const offence of offences) {
    console.error(`dist/${offence.file}: ${offence.reason}`);
  }
  if (offences.length > 0) {
    console.error(`${String(offences.length)} test file(s) or test tool(s) in ${distDir}: shipped code must not import test helpers.`);
    process.exit(1);
  }
  console.log(`dist/ is free of test code (${distDir})`);
}
