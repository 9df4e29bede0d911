import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModeFrom, demoDirFrom, demoMembers } from './demo-members.ts';

describe('the demo members', () => {
  it('are one per stakeholder class, two of them with a window', () => {
    expect(demoMembers.map((member) => member.classId).sort()).toEqual(['investor', 'pekerja', 'pendiri', 'pengguna']);
    expect(demoMembers.filter((member) => member.window).map((member) => member.localpart)).toEqual(['sari', 'budi']);
  });
});

describe('demoDirFrom', () => {
  it('takes REMBUK_DEMO_DIR, made absolute, so a test never touches a member’s demo', () => {
    expect(demoDirFrom({ REMBUK_DEMO_DIR: 'tmp/demo' })).toBe(path.resolve('tmp/demo'));
  });

  it('defaults to .homeserver/demo when it is unset or empty', () => {
    expect(demoDirFrom({})).toMatch(/\.homeserver[\\/]demo$/);
    expect(demoDirFrom({ REMBUK_DEMO_DIR: '' })).toMatch(/\.homeserver[\\/]demo$/);
  });
});

describe('checkModeFrom', () => {
  it('is on with --check or REMBUK_DEMO_CHECK=1, off otherwise', () => {
    expect(checkModeFrom(['node', 'cli.ts', '--check'], {})).toBe(true);
    expect(checkModeFrom(['node', 'cli.ts'], { REMBUK_DEMO_CHECK: '1' })).toBe(true);
    expect(checkModeFrom(['node', 'cli.ts'], { REMBUK_DEMO_CHECK: '0' })).toBe(false);
    expect(checkModeFrom(['node', 'cli.ts'], {})).toBe(false);
  });
});
