/**
 * Who a message mentions, and who the composer's `@` picker offers. A message with
 * `m.mentions` says exactly whom it mentions (and whether the whole room); an older one
 * without it mentions a member whose name or Matrix ID appears in its text, as clients did
 * before m.mentions existed.
 */
import type { MentionCandidate } from '../../../shared/model/conversation.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiled once per name: a room's projection asks for the same one for every message. */
const wordPatterns = new Map<string, RegExp>();
const MAX_PATTERNS = 1000;

/** Whether `text` holds `word` on its own (not inside a longer word). */
const containsWord = (text: string, word: string): boolean => {
  if (word.length === 0 || !text.toLowerCase().includes(word.toLowerCase())) {
    return false;
  }
  let pattern = wordPatterns.get(word);
  if (pattern === undefined) {
    if (wordPatterns.size >= MAX_PATTERNS) {
      wordPatterns.clear();
    }
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRegExp(word)}($|[^\\p{L}\\p{N}_])`, 'iu');
    wordPatterns.set(word, pattern);
  }
  return pattern.test(text);
};

export const mentionsMe = (content: Record<string, unknown>, me: { userId: string; displayName: string | null }): boolean => {
  const mentions = content['m.mentions'];
  if (isRecord(mentions)) {
    const ids = mentions.user_ids;
    return mentions.room === true || (Array.isArray(ids) && ids.includes(me.userId));
  }
  const body = typeof content.body === 'string' ? content.body : '';
  return body.includes(me.userId) || (me.displayName !== null && containsWord(body, me.displayName)) || containsWord(body, '@room');
};

export const MAX_MENTION_CANDIDATES = 20;

/**
 * Members for the picker, best first: a display name starting with the query, then one with
 * a word starting with it, then a Matrix ID containing it. Each group keeps name order.
 */
export const mentionCandidates = (members: readonly MentionCandidate[], query: string): MentionCandidate[] => {
  const q = query.trim().replace(/^@/, '').toLowerCase();
  const rank = (member: MentionCandidate): number => {
    if (q === '') {
      return 0;
    }
    const name = member.name.toLowerCase();
    if (name.startsWith(q)) {
      return 0;
    }
    if (name.split(/[\s._-]+/).some((word) => word.startsWith(q))) {
      return 1;
    }
    return member.userId.toLowerCase().slice(1).includes(q) ? 2 : -1;
  };
  return members
    .map((member) => ({ member, rank: rank(member) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.member.name.localeCompare(b.member.name))
    .slice(0, MAX_MENTION_CANDIDATES)
    .map((entry) => entry.member);
};
