import { describe, expect, it } from 'vitest';
import { cutReactionKey, RelationIndex } from './relation-index.ts';
import type { RelEvent } from './rel-event.ts';

const ROOM = '!r:example.org';
const ME = '@me:example.org';
const ALICE = '@alice:example.org';
const MALLORY = '@mallory:example.org';
let ts = 1000;

const message = (id: string, sender: string, body: string, extra: Partial<RelEvent> = {}): RelEvent => ({
  id,
  roomId: ROOM,
  type: 'm.room.message',
  sender,
  ts: (ts += 10),
  content: { msgtype: 'm.text', body },
  relation: null,
  inReplyTo: null,
  redacted: false,
  ...extra,
});

const edit = (id: string, sender: string, target: string, body: string, at?: number): RelEvent =>
  message(id, sender, `* ${body}`, {
    content: { msgtype: 'm.text', body: `* ${body}`, 'm.new_content': { msgtype: 'm.text', body } },
    relation: { relType: 'm.replace', eventId: target, key: null, isFallingBack: false },
    ...(at === undefined ? {} : { ts: at }),
  });

const reaction = (id: string, sender: string, target: string, key: string, redacted = false): RelEvent => ({
  id,
  roomId: ROOM,
  type: 'm.reaction',
  sender,
  ts: (ts += 10),
  content: {},
  relation: { relType: 'm.annotation', eventId: target, key, isFallingBack: false },
  inReplyTo: null,
  redacted,
});

const names = (userId: string): string => userId.slice(1, userId.indexOf(':'));

describe('RelationIndex edits', () => {
  it('shows the latest edit by origin_server_ts, whatever order the edits came in', () => {
    const original = message('$o', ALICE, 'rapat jam 7');
    const index = new RelationIndex([original, edit('$e2', ALICE, '$o', 'rapat jam 9', 5000), edit('$e1', ALICE, '$o', 'rapat jam 8', 4000)]);
    expect(index.latestContent(original)).toEqual({ content: { msgtype: 'm.text', body: 'rapat jam 9' }, edited: true });
    expect(index.edits(original).map((event) => event.id)).toEqual(['$e1', '$e2']);
  });

  it('resolves an edit of an edit to the original', () => {
    const original = message('$o', ALICE, 'satu');
    const index = new RelationIndex([original, edit('$e1', ALICE, '$o', 'dua', 4000), edit('$e2', ALICE, '$e1', 'tiga', 5000)]);
    expect(index.latestContent(original).content.body).toBe('tiga');
  });

  it('applies an edit that arrived before its original once the original is there', () => {
    const early = edit('$e1', ALICE, '$o', 'diperbaiki', 9000);
    const original = message('$o', ALICE, 'salah ketik', { ts: 1 });
    expect(new RelationIndex([early]).get('$o')).toBeUndefined();
    const index = new RelationIndex([early, original]);
    expect(index.latestContent(original)).toMatchObject({ content: { body: 'diperbaiki' }, edited: true });
  });

  it("ignores an edit by anyone but the original's sender, also through an edit of an edit", () => {
    const original = message('$o', ALICE, 'Alice wrote this');
    const index = new RelationIndex([
      original,
      edit('$m1', MALLORY, '$o', 'Mallory took over'),
      edit('$a1', ALICE, '$o', 'Alice fixed it', 4000),
      edit('$m2', MALLORY, '$a1', 'again Mallory', 9000),
    ]);
    expect(index.latestContent(original).content.body).toBe('Alice fixed it');
    expect(index.edits(original).map((event) => event.id)).toEqual(['$a1']);
  });

  it('drops a redacted edit and falls back to the one before', () => {
    const original = message('$o', ALICE, 'a');
    const index = new RelationIndex([original, edit('$e1', ALICE, '$o', 'b', 4000), { ...edit('$e2', ALICE, '$o', 'c', 5000), redacted: true }]);
    expect(index.latestContent(original).content.body).toBe('b');
  });
});

describe('RelationIndex reactions', () => {
  it('groups by key in the order each key first came, counts each member once, names up to 20 and marks mine', () => {
    const others = Array.from({ length: 25 }, (_, n) => `@u${String(n)}:example.org`);
    const index = new RelationIndex([
      message('$o', ALICE, 'halo'),
      reaction('$r0', ALICE, '$o', '🙏'),
      ...others.map((userId, n) => reaction(`$r${String(n + 1)}`, userId, '$o', '👍')),
      reaction('$dup', ALICE, '$o', '🙏'),
      reaction('$mine', ME, '$o', '👍'),
    ]);
    const groups = index.reactions('$o', ME, names);
    expect(groups.map((group) => [group.key, group.count, group.mine])).toEqual([
      ['🙏', 1, false],
      ['👍', 26, true],
    ]);
    expect(groups[1]?.senders).toHaveLength(20);
    expect(groups[0]?.senders).toEqual(['alice']);
  });

  it('forgets a reaction that was taken back (redacted)', () => {
    const index = new RelationIndex([message('$o', ALICE, 'x'), reaction('$r', ME, '$o', '👍', true)]);
    expect(index.reactions('$o', ME, names)).toEqual([]);
    expect(index.myReaction('$o', '👍', ME)).toBeNull();
  });

  it('cuts a 10,000-character key to the contract limit, and finds my reaction by it', () => {
    const huge = 'A'.repeat(10_000);
    const index = new RelationIndex([message('$o', ALICE, 'x'), reaction('$r', ME, '$o', huge)]);
    const [group] = index.reactions('$o', ME, names);
    expect(group?.key.length).toBeLessThanOrEqual(64);
    expect(group?.key.endsWith('…')).toBe(true);
    expect(index.myReaction('$o', huge, ME)?.id).toBe('$r');
  });

  it('never cuts inside a character', () => {
    const cut = cutReactionKey('😀'.repeat(100));
    expect(cut.length).toBeLessThanOrEqual(64);
    expect(Array.from(cut.slice(0, -1)).every((char) => char === '😀')).toBe(true);
  });
});

describe('RelationIndex threads', () => {
  it('counts replies of a thread root and names the newest', () => {
    const thread = (id: string, sender: string): RelEvent =>
      message(id, sender, id, { relation: { relType: 'm.thread', eventId: '$root', key: null, isFallingBack: true }, inReplyTo: '$root' });
    const index = new RelationIndex([message('$root', ALICE, 'root'), thread('$t1', ME), thread('$t2', ALICE)]);
    expect(index.thread('$root')).toMatchObject({ count: 2, latest: { id: '$t2' } });
    expect(index.threadLatest('$root')).toBe('$t2');
    expect(index.threadLatest('$other')).toBe('$other');
    expect(RelationIndex.isThreadReply(thread('$t3', ME))).toBe(true);
  });
});

describe('RelationIndex kept up to date', () => {
  /** What the SDK leaves of a redacted event: no content, so no relation either. */
  const redactedCopy = (event: RelEvent): RelEvent => ({ ...event, content: {}, relation: null, inReplyTo: null, redacted: true });
  const tally = (index: RelationIndex): [string, number][] => index.reactions('$o', ME, names).map((group) => [group.key, group.count]);

  it('counts a reaction and applies an edit added after the index was built and asked', () => {
    const original = message('$o', ALICE, 'rapat jam 7');
    const index = new RelationIndex([original, reaction('$r1', ME, '$o', '👍')]);
    expect(tally(index)).toEqual([['👍', 1]]);
    index.add(reaction('$r2', MALLORY, '$o', '👍'));
    index.add(reaction('$r3', MALLORY, '$o', '🎉'));
    index.add(edit('$e1', ALICE, '$o', 'rapat jam 8'));
    expect(tally(index)).toEqual([
      ['👍', 2],
      ['🎉', 1],
    ]);
    expect(index.latestContent(original)).toMatchObject({ content: { body: 'rapat jam 8' }, edited: true });
  });

  it('forgets a reaction once its redacted view replaces it, though its message was tallied before', () => {
    const mine = reaction('$r1', ME, '$o', '👍');
    const index = new RelationIndex([message('$o', ALICE, 'x'), mine, reaction('$r2', ALICE, '$o', '👍')]);
    expect(index.reactions('$o', ME, names)).toMatchObject([{ key: '👍', count: 2, mine: true }]);
    index.remove(mine);
    index.add(redactedCopy(mine));
    expect(index.reactions('$o', ME, names)).toMatchObject([{ key: '👍', count: 1, mine: false }]);
    expect(index.myReaction('$o', '👍', ME)).toBeNull();
    // Even a redacted view that still names its target does not count.
    index.add({ ...reaction('$r2', ALICE, '$o', '👍'), redacted: true });
    expect(index.reactions('$o', ME, names)).toEqual([]);
  });

  it('falls back to the edit before when the latest edit is redacted, and to the original when none is left', () => {
    const original = message('$o', ALICE, 'satu');
    const first = edit('$e1', ALICE, '$o', 'dua', 4000);
    const second = edit('$e2', ALICE, '$o', 'tiga', 5000);
    const index = new RelationIndex([original, first, second]);
    expect(index.latestContent(original).content.body).toBe('tiga');
    index.remove(second);
    index.add(redactedCopy(second));
    expect(index.latestContent(original).content.body).toBe('dua');
    index.remove(first);
    expect(index.latestContent(original)).toEqual({ content: original.content, edited: false });
  });

  it('shows a redacted original as such to a reply, its reactions and edits left where they were', () => {
    const original = message('$o', ALICE, 'rahasia');
    const index = new RelationIndex([original, reaction('$r1', ME, '$o', '❤️'), edit('$e1', ALICE, '$o', 'lebih rahasia')]);
    index.remove(original);
    index.add(redactedCopy(original));
    expect(index.get('$o')?.redacted).toBe(true);
    // The item of a redacted event shows neither (withConversation stops at it); the index still holds them.
    expect(tally(index)).toEqual([['❤️', 1]]);
  });

  it('stands the copy before again when the copy that came last is taken back', () => {
    const live = reaction('$r1', ME, '$o', '👍');
    const fetched = { ...live };
    const index = new RelationIndex([message('$o', ALICE, 'x'), live, fetched]);
    expect(tally(index)).toEqual([['👍', 1]]);
    index.remove(fetched);
    expect(index.get('$r1')).toBe(live);
    expect(tally(index)).toEqual([['👍', 1]]);
    index.remove(live);
    expect(index.get('$r1')).toBeUndefined();
    expect(tally(index)).toEqual([]);
  });

  it('answers the same whatever order the events came in, built at once or one by one', () => {
    const original = message('$o', ALICE, 'awal', { ts: 100 });
    const thread = (id: string, at: number): RelEvent =>
      message(id, ME, id, { ts: at, relation: { relType: 'm.thread', eventId: '$o', key: null, isFallingBack: true }, inReplyTo: '$o' });
    const events = [
      original,
      edit('$e1', ALICE, '$o', 'kedua', 200),
      edit('$e2', ALICE, '$e1', 'ketiga', 300),
      edit('$m1', MALLORY, '$o', 'bukan', 400),
      { ...reaction('$r1', ALICE, '$o', '🙏'), ts: 500 },
      { ...reaction('$r2', MALLORY, '$o', '👍'), ts: 600 },
      { ...reaction('$r3', ME, '$o', '🙏'), ts: 700 },
      thread('$t1', 800),
      thread('$t2', 900),
    ];
    const answers = (index: RelationIndex): unknown => ({
      content: index.latestContent(original),
      edits: index.edits(original).map((event) => event.id),
      reactions: index.reactions('$o', ME, names),
      thread: index.thread('$o')?.latest?.id,
    });
    const expected = answers(new RelationIndex(events));
    expect(expected).toMatchObject({ content: { content: { body: 'ketiga' } }, edits: ['$e1', '$e2'], thread: '$t2' });
    let seed = 7;
    for (let round = 0; round < 20; round++) {
      // A fixed pseudo-random shuffle, so a failure is the same every run.
      const shuffled = [...events].sort(() => ((seed = (seed * 16807) % 2147483647) % 3) - 1);
      expect(answers(new RelationIndex(shuffled))).toEqual(expected);
      const grown = new RelationIndex();
      for (const event of shuffled) {
        grown.add(event);
        answers(grown);
      }
      expect(answers(grown)).toEqual(expected);
    }
  });
});
