import { MatrixEvent } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { projectEvents, projectTimeline } from '../timeline-projection.ts';
import { makeEvent, makeRoom, ME, member, text } from '../test-room.ts';
import { stripReplyFallbackBody, stripReplyFallbackHtml } from './reply-fallback.ts';

const ALICE = '@alice:example.org';
const MALLORY = '@mallory:example.org';
const ROOM = '!r:example.org';

const setup = [
  makeEvent({ type: 'm.room.create', sender: ALICE, state_key: '', content: { creator: ALICE } }),
  member(ALICE, 'join', 'Alice'),
  member(ME, 'join', 'Me'),
  member(MALLORY, 'join', 'Mallory'),
];

const reply = (sender: string, to: string, body: string, html?: string): ReturnType<typeof text> =>
  text(sender, body, {
    'm.relates_to': { 'm.in_reply_to': { event_id: to } },
    ...(html === undefined ? {} : { format: 'org.matrix.custom.html', formatted_body: html }),
  });

const messages = (items: ReturnType<typeof projectTimeline>) => items.filter((item) => item.kind !== 'membership' && item.kind !== 'roomCreated');

describe('conversation projection', () => {
  it('strips the reply fallback and quotes the original of the same room', async () => {
    const original = text(ALICE, 'Rapat jam 7 malam');
    const answer = reply(
      ME,
      original.getId() ?? '',
      '> <@alice:example.org> Rapat jam 7 malam\n\nSaya datang',
      '<mx-reply><blockquote><a href="x">In reply to</a> Alice<br>Rapat jam 7 malam</blockquote></mx-reply>Saya <b>datang</b>',
    );
    const room = await makeRoom(ROOM, [...setup, original, answer]);
    const [, shown] = messages(projectTimeline(room, ME));
    expect(shown).toMatchObject({
      kind: 'message',
      body: 'Saya datang',
      html: 'Saya <b>datang</b>',
      replyTo: { eventId: original.getId(), senderName: 'Alice', excerpt: 'Rapat jam 7 malam', deleted: false },
    });
  });

  it('quotes the words of a formatted original, not its Markdown', async () => {
    const original = text(ALICE, 'Jadi di **balai desa**', { format: 'org.matrix.custom.html', formatted_body: 'Jadi di <strong>balai desa</strong>' });
    const answer = reply(ME, original.getId() ?? '', '> <@alice:example.org> Jadi di **balai desa**\n\nSiap');
    const room = await makeRoom(ROOM, [...setup, original, answer]);
    const [, shown] = messages(projectTimeline(room, ME));
    expect(shown).toMatchObject({ replyTo: { excerpt: 'Jadi di balai desa' } });
  });

  it("never trusts a reply pointing at another room's event: no name, no excerpt", async () => {
    const elsewhere = makeEvent({ type: 'm.room.message', sender: ALICE, content: { msgtype: 'm.text', body: 'secret' }, room_id: '!other:example.org' });
    const answer = reply(MALLORY, elsewhere.getId() ?? '', '> <@alice:example.org> fake quote\n\nlook');
    const room = await makeRoom(ROOM, [...setup, answer]);
    // The other room's event is known to the client, but in a different room.
    const [shown] = messages(projectEvents(room, [answer], ME, null, false, { relationSources: [elsewhere] }));
    expect(shown).toMatchObject({ body: 'look', replyTo: { eventId: elsewhere.getId(), senderName: null, excerpt: null } });
  });

  it('shows reactions live and an edit by the sender only, with canEdit/canRedact', async () => {
    const original = text(ME, 'salah ketik');
    const id = original.getId() ?? '';
    const room = await makeRoom(ROOM, [
      ...setup,
      original,
      makeEvent({ type: 'm.reaction', sender: ALICE, content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: id, key: '👍' } } }),
      text(MALLORY, '* hacked', { 'm.new_content': { msgtype: 'm.text', body: 'hacked' }, 'm.relates_to': { rel_type: 'm.replace', event_id: id } }),
      text(ME, '* sudah benar', { 'm.new_content': { msgtype: 'm.text', body: 'sudah benar' }, 'm.relates_to': { rel_type: 'm.replace', event_id: id } }),
    ]);
    const shown = messages(projectTimeline(room, ME));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      body: 'sudah benar',
      edited: true,
      reactions: [{ key: '👍', count: 1, senders: ['Alice'], mine: false }],
      canEdit: true,
      canRedact: true,
    });
  });

  it('shows a redacted edited and reacted message as deleted, without its reactions', async () => {
    const original = text(ALICE, 'rahasia');
    const id = original.getId() ?? '';
    const room = await makeRoom(ROOM, [
      ...setup,
      original,
      makeEvent({ type: 'm.reaction', sender: ME, content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: id, key: '❤️' } } }),
      text(ALICE, '* lebih rahasia', {
        'm.new_content': { msgtype: 'm.text', body: 'lebih rahasia' },
        'm.relates_to': { rel_type: 'm.replace', event_id: id },
      }),
      makeEvent({ type: 'm.room.redaction', sender: ALICE, redacts: id, content: { redacts: id } }),
    ]);
    const shown = messages(projectTimeline(room, ME));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ kind: 'redacted' });
    expect(shown[0]).not.toHaveProperty('reactions');
  });

  it('leaves no line for a reaction or a poll vote taken back (their redaction strips the relation)', async () => {
    const original = text(ALICE, 'Setuju?');
    const id = original.getId() ?? '';
    const reaction = makeEvent({ type: 'm.reaction', sender: ME, content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: id, key: '👍' } } });
    const vote = makeEvent({
      type: 'm.poll.response',
      sender: MALLORY,
      content: { 'm.relates_to': { rel_type: 'm.reference', event_id: id }, 'm.selections': ['ya'] },
    });
    const redactionOf = (event: MatrixEvent) =>
      makeEvent({ type: 'm.room.redaction', sender: event.getSender() ?? '', redacts: event.getId() ?? '', content: { redacts: event.getId() ?? '' } });
    const room = await makeRoom(ROOM, [...setup, original, reaction, vote, redactionOf(reaction), redactionOf(vote)]);
    const shown = messages(projectTimeline(room, ME));
    expect(shown.map((item) => item.kind)).toEqual(['message']);
    expect(shown[0]).not.toHaveProperty('reactions');
  });

  it('keeps thread replies out of the main timeline and summarises them on the root', async () => {
    const root = text(ALICE, 'Agenda rapat?');
    const rootId = root.getId() ?? '';
    const inThread = text(MALLORY, 'Laporan keuangan', {
      'm.relates_to': { rel_type: 'm.thread', event_id: rootId, is_falling_back: true, 'm.in_reply_to': { event_id: rootId } },
    });
    const room = await makeRoom(ROOM, [...setup, root, inThread]);
    const shown = messages(projectTimeline(room, ME));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ thread: { count: 1, latestSenderName: 'Mallory', latestExcerpt: 'Laporan keuangan' } });
  });

  it('marks a message that mentions me by m.mentions, and by name when it has no m.mentions', async () => {
    const room = await makeRoom(ROOM, [
      ...setup,
      text(ALICE, 'tolong cek', { 'm.mentions': { user_ids: [ME] } }),
      text(ALICE, 'Me, tolong cek'),
      text(ALICE, 'Me is only named', { 'm.mentions': {} }),
    ]);
    expect(messages(projectTimeline(room, ME)).map((item) => item.mentionsMe)).toEqual([true, true, false]);
  });
});

describe('read receipts', () => {
  it("puts each member's face on the newest item they read, and says how many read my newest message", async () => {
    const mine = text(ME, 'Notulen rapat');
    const reaction = makeEvent({
      type: 'm.reaction',
      sender: ALICE,
      content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: mine.getId() ?? '', key: '👍' } },
    });
    const later = text(MALLORY, 'terima kasih');
    const room = await makeRoom(ROOM, [...setup, mine, reaction, later]);
    // Alice's receipt sits on her reaction (no line of its own): the message before it takes it.
    room.addReceipt(new MatrixEvent({ type: 'm.receipt', content: { [reaction.getId() ?? '']: { 'm.read': { [ALICE]: { ts: 1 } } } } }));
    const [shownMine, shownLater] = messages(projectTimeline(room, ME));
    expect(shownMine?.readBy?.map((receipt) => receipt.name)).toEqual(['Alice']);
    expect(shownMine?.delivery).toEqual({ state: 'read', readCount: 2 });
    // Mallory sent the later message, so the SDK counts her as having read up to it.
    expect(shownLater?.readBy?.map((receipt) => receipt.name)).toEqual(['Mallory']);
  });
});

describe('reply fallback stripping', () => {
  it('removes quote lines and the blank line after them, and only those', () => {
    expect(stripReplyFallbackBody('> <@a:b> one\n> two\n\nreply\n> not a quote')).toBe('reply\n> not a quote');
    expect(stripReplyFallbackBody('no quote')).toBe('no quote');
    expect(stripReplyFallbackHtml('<mx-reply><blockquote>q</blockquote></mx-reply><p>hi</p>')).toBe('<p>hi</p>');
  });
});
