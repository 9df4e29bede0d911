/** An `@` being typed: where it starts in the text and what follows it up to the caret. */
export type MentionQuery = { start: number; query: string };

// An @ at the start or after a space, then no space up to the caret: "mail@host" is not a mention.
const TYPED_MENTION = /(?:^|\s)@([^\s@]{0,64})$/u;

/** The mention the caret is in, if any. */
export const mentionQueryAt = (text: string, caret: number): MentionQuery | null => {
  const before = text.slice(0, caret);
  const match = TYPED_MENTION.exec(before);
  if (match === null) {
    return null;
  }
  const query = match[1] ?? '';
  return { start: caret - query.length - 1, query };
};

/** Replaces the typed `@query` with the chosen name and a space; the caret goes after them. */
export const insertMention = (text: string, at: MentionQuery, name: string): { text: string; caret: number } => {
  const end = at.start + 1 + at.query.length;
  const inserted = `${name} `;
  const after = text.slice(end).replace(/^ /u, '');
  return { text: text.slice(0, at.start) + inserted + after, caret: at.start + inserted.length };
};

/** Whether @room fits what was typed, in either language's word for it. */
export const roomMentionMatches = (query: string): boolean => {
  const q = query.toLowerCase();
  return 'room'.startsWith(q) || 'ruang'.startsWith(q);
};
