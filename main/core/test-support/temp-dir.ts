import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh folder for each test in the file, removed after it: `temp.path` inside a test. */
export const useTempDir = (prefix: string): { readonly path: string } => {
  let current = '';
  beforeEach(async () => {
    current = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await rm(current, { recursive: true, force: true });
  });
  return {
    get path() {
      return current;
    },
  };
};
