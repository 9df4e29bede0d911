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
  it('groups by key in arrival order, counts each member once, names up to 20 and marks mine', () => {
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
