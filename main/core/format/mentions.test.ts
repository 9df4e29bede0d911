import { describe, expect, it } from 'vitest';
import { mentionCandidates, mentionsMe } from './mentions.ts';

const me = { userId: '@sari:example.org', displayName: 'Sari' };

describe('mentionsMe', () => {
  it('follows m.mentions when the message has it', () => {
    expect(mentionsMe({ body: 'x', 'm.mentions': { user_ids: ['@sari:example.org'] } }, me)).toBe(true);
    expect(mentionsMe({ body: 'x', 'm.mentions': { room: true } }, me)).toBe(true);
    expect(mentionsMe({ body: 'Sari!', 'm.mentions': {} }, me)).toBe(false);
  });

  it('falls back to name, Matrix ID or @room in the body for older messages', () => {
    expect(mentionsMe({ body: 'Halo Sari, cek ya' }, me)).toBe(true);
    expect(mentionsMe({ body: 'ping @sari:example.org' }, me)).toBe(true);
    expect(mentionsMe({ body: '@room rapat' }, me)).toBe(true);
    expect(mentionsMe({ body: 'Sarinah datang' }, me)).toBe(false);
  });
});

describe('mentionCandidates', () => {
  const members = [
    { userId: '@budi:example.org', name: 'Budi Santoso', initials: 'BS' },
    { userId: '@ani:example.org', name: 'Ani Budiman', initials: 'AB' },
    { userId: '@xbud:example.org', name: 'Zed', initials: 'Z' },
    { userId: '@c:example.org', name: 'Citra', initials: 'C' },
  ];

  it('ranks a name prefix, then a word prefix, then a Matrix ID match', () => {
    expect(mentionCandidates(members, '@bud').map((member) => member.name)).toEqual(['Budi Santoso', 'Ani Budiman', 'Zed']);
  });

  it('caps the list at 20', () => {
    const many = Array.from({ length: 30 }, (_, n) => ({ userId: `@u${String(n)}:x`, name: `User ${String(n)}`, initials: 'U' }));
    expect(mentionCandidates(many, '')).toHaveLength(20);
  });
});
