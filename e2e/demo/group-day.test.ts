import { describe, expect, it } from 'vitest';
import { demoMembers, memberByName } from './demo-members.ts';
import { correction, deleted, directChat, groupDay, reactions } from './group-day.ts';

describe("the group room's day", () => {
  const keys = groupDay.map((line) => line.key);

  it('gives every line its own key and has every member speak', () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(groupDay.map((line) => line.who))).toEqual(new Set(demoMembers.map((member) => member.localpart)));
  });

  it('replies only to lines said before', () => {
    for (const [index, line] of groupDay.entries()) {
      if (line.replyTo !== undefined) {
        expect(keys.slice(0, index), line.key).toContain(line.replyTo);
      }
    }
    expect(groupDay.filter((line) => line.replyTo !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('writes each mentioned member by the display name the pill puts in the text', () => {
    const mentioning = groupDay.filter((line) => (line.mentions ?? []).length > 0);
    expect(mentioning.length).toBeGreaterThanOrEqual(2);
    for (const line of mentioning) {
      for (const who of line.mentions ?? []) {
        expect(line.text).toContain(memberByName(who).displayName);
      }
    }
  });

  it('reacts, edits and deletes only lines of the day, each edit and deletion by the line’s own sender', () => {
    for (const [who, key] of reactions) {
      expect(keys).toContain(key);
      expect(groupDay.find((line) => line.key === key)?.who).not.toBe(who);
    }
    expect(groupDay.find((line) => line.key === correction.key)?.who).toBe('budi');
    expect(groupDay.find((line) => line.key === deleted)?.who).toBe('dewi');
  });

  it('keeps the direct chat between Sari and Budi', () => {
    expect(new Set(directChat.map(([who]) => who))).toEqual(new Set(['sari', 'budi']));
  });
});
