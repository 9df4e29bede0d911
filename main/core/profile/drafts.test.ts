import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { silentLogger } from '../ports.ts';
import { Drafts } from './drafts.ts';

const temp = useTempDir('rembuk-drafts-');

const makeDrafts = () => new Drafts({ profileDir: temp.path, logger: silentLogger });
const onDisk = async (): Promise<unknown> => JSON.parse(await readFile(path.join(temp.path, 'drafts.json'), 'utf8'));

describe('Drafts', () => {
  it('has an empty draft for a room never typed in', async () => {
    expect(await makeDrafts().get('!r:x')).toBe('');
  });

  it('keeps a draft per room', async () => {
    const drafts = makeDrafts();
    await drafts.set('!a:x', 'hello a');
    await drafts.set('!b:x', 'hello b');
    await drafts.set('!a:x', 'hello again');
    expect(await drafts.get('!a:x')).toBe('hello again');
    expect(await drafts.get('!b:x')).toBe('hello b');
  });

  it('keeps drafts across a new instance on the same profile', async () => {
    const first = makeDrafts();
    await first.set('!a:x', 'unsent words');
    await first.flushed();
    expect(await makeDrafts().get('!a:x')).toBe('unsent words');
  });

  it('removes the room entry for an empty draft and keeps the others', async () => {
    const drafts = makeDrafts();
    await drafts.set('!a:x', 'typed');
    await drafts.set('!b:x', 'other');
    await drafts.set('!a:x', '');
    expect(await onDisk()).toEqual({ '!b:x': 'other' });
    expect(await makeDrafts().get('!a:x')).toBe('');
  });

  it('keeps a draft that is only whitespace', async () => {
    const drafts = makeDrafts();
    await drafts.set('!a:x', '  \n');
    expect(await makeDrafts().get('!a:x')).toBe('  \n');
  });

  it('starts empty when the drafts file is damaged', async () => {
    await writeFile(path.join(temp.path, 'drafts.json'), '{"!a:x": 42}');
    expect(await makeDrafts().get('!a:x')).toBe('');
  });
});
