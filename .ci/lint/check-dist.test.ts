import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTestCode } from './check-dist.ts';

let dist: string;
beforeEach(async () => {
  dist = await mkdtemp(path.join(os.tmpdir(), 'rembuk-dist-'));
});
afterEach(async () => {
  await rm(dist, { recursive: true, force: true });
});

const put = async (file: string, text: string): Promise<void> => {
  await mkdir(path.dirname(path.join(dist, file)), { recursive: true });
  await writeFile(path.join(dist, file), text);
};

/** A build as `npm run build` makes it, with nothing of the tests in it. */
const cleanBuild = async (): Promise<void> => {
  await put('main/core/create-app-core.js', "import { mkdir } from 'node:fs/promises';\nexport const createAppCore = () => mkdir;");
  await put('main/core/create-app-core.js.map', '{"sources":["../../../main/core/create-app-core.ts"]}');
  await put('preload/preload.cjs', 'const { contextBridge } = require("electron");\nconst names = ["session:get"];');
  await put('renderer/assets/index-abc.js', 'const e=()=>"Rembuk";export{e as t};');
  await put('renderer/index.html', '<script type="module" src="/assets/index-abc.js"></script>');
};

describe('findTestCode', () => {
  it('finds nothing in a clean build', async () => {
    await cleanBuild();
    expect(await findTestCode(dist)).toEqual([]);
  });

  it.each([
    'main/core/test-support/temp-dir.js',
    'main/core/idb/test-helpers.js',
    'main/core/idb/test-profile.js',
    'main/core/import/whatsapp/test-fixtures.js',
    'main/core/idb/crash-writer.fixture.js',
    'main/core/ipc/dispatcher.test.js',
  ])('names a test-only file built into dist/: %s', async (file) => {
    await cleanBuild();
    await put(file, 'export const x = 1;');
    expect(await findTestCode(dist)).toEqual([{ file, reason: 'a test-only file was built into dist/' }]);
  });

  it('names a compiled file that imports vitest', async () => {
    await cleanBuild();
    await put('main/core/helper.js', "import { vi } from 'vitest';\nexport const spy = vi.fn;");
    expect(await findTestCode(dist)).toEqual([{ file: 'main/core/helper.js', reason: "it uses a test tool (from 'vitest')" }]);
  });

  it('names a minified bundle that pulled in a test tool', async () => {
    await cleanBuild();
    await put('renderer/assets/index-def.js', 'import{fc as e}from"fast-check";export{e};');
    expect(await findTestCode(dist)).toEqual([{ file: 'renderer/assets/index-def.js', reason: 'it uses a test tool (from"fast-check")' }]);
  });

  it('names a preload bundle that carries zod', async () => {
    await cleanBuild();
    await put('preload/preload.cjs', 'class ZodError extends Error {}\nmodule.exports = ZodError;');
    expect(await findTestCode(dist)).toEqual([
      {
        file: 'preload/preload.cjs',
        reason: 'the preload bundle carries zod: the preload must not import the contract (the dispatcher in main checks channels)',
      },
    ]);
  });
});
