import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt, roomMentionMatches } from './mention-query.ts';

describe('mention query', () => {
  it('finds an @ at the start or after a space, up to the caret', () => {
    expect(mentionQueryAt('@bu', 3)).toEqual({ start: 0, query: 'bu' });
    expect(mentionQueryAt('halo @', 6)).toEqual({ start: 5, query: '' });
    expect(mentionQueryAt('halo @sa lagi', 8)).toEqual({ start: 5, query: 'sa' });
  });

  it('ignores an @ inside a word or after a space already typed', () => {
    expect(mentionQueryAt('mail@host', 9)).toBeNull();
    expect(mentionQueryAt('@budi ', 6)).toBeNull();
    expect(mentionQueryAt('halo', 4)).toBeNull();
  });

  it('replaces the typed query with the name and one space', () => {
    expect(insertMention('halo @bu', { start: 5, query: 'bu' }, 'Budi')).toEqual({ text: 'halo Budi ', caret: 10 });
    expect(insertMention('@s apa kabar', { start: 0, query: 's' }, 'Sari')).toEqual({ text: 'Sari apa kabar', caret: 5 });
  });

  it('offers @room for "room" and "ruang"', () => {
    expect(roomMentionMatches('')).toBe(true);
    expect(roomMentionMatches('ru')).toBe(true);
    expect(roomMentionMatches('Ro')).toBe(true);
    expect(roomMentionMatches('bu')).toBe(false);
  });
});
