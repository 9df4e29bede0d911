import { NotificationCountType } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { initialsOf } from './initials.ts';
import { compareRoomListEntries, highlightCount, projectRoomList, toRoomListEntry } from './room-projection.ts';
import { makeEvent, makeRoom, ME, member, text } from './test-room.ts';

describe('room list projection', () => {
  it('counts unread mentions locally in an encrypted room, where the server cannot see them', async () => {
    const encryption = makeEvent({ type: 'm.room.encryption', sender: ME, state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } });
    const room = await makeRoom('!e:example.org', [
      encryption,
      member(ME, 'join', 'Sari'),
      member('@budi:example.org', 'join', 'Budi'),
      text('@budi:example.org', 'Sari, before my own message: read', { 'm.mentions': { user_ids: [ME] } }),
      // Our own message counts as read up to it.
      text(ME, 'Sari di sini', { 'm.mentions': {} }),
      text('@budi:example.org', 'tolong cek', { 'm.mentions': { user_ids: [ME] } }),
      text('@budi:example.org', 'biasa', { 'm.mentions': {} }),
      text('@budi:example.org', 'Sari, sudah?'),
    ]);
    expect(highlightCount(room, ME)).toBe(2);
    room.setUnreadNotificationCount(NotificationCountType.Highlight, 5);
    expect(highlightCount(room, ME)).toBe(5);
  });

  it('summarises a joined room: name, initials, preview, unread count', async () => {
    const room = await makeRoom('!a:example.org', [
      makeEvent({ type: 'm.room.name', sender: ME, state_key: '', content: { name: 'Koperasi Maju' } }),
      member(ME, 'join'),
      member('@budi:example.org', 'join', 'Budi'),
      text('@budi:example.org', 'Rapat   besok\njam 9'),
    ]);
    room.setUnreadNotificationCount(NotificationCountType.Total, 3);
    expect(toRoomListEntry(room, ME, new Set())).toMatchObject({
      id: '!a:example.org',
      name: 'Koperasi Maju',
      initials: 'KM',
      membership: 'join',
      isDirect: false,
      preview: { sender: 'Budi', body: 'Rapat besok jam 9', own: false },
      unread: 3,
      inviter: null,
    });
  });

  it('clears the unread and mention badges as soon as this member has read the newest event, before the next sync', async () => {
    const newest = text('@budi:example.org', 'Sari, sudah?', { 'm.mentions': { user_ids: [ME] } });
    const room = await makeRoom('!r:example.org', [member(ME, 'join', 'Sari'), member('@budi:example.org', 'join', 'Budi'), newest]);
    room.setUnreadNotificationCount(NotificationCountType.Total, 3);
    room.setUnreadNotificationCount(NotificationCountType.Highlight, 1);
    expect(toRoomListEntry(room, ME, new Set())).toMatchObject({ unread: 3, highlight: 1 });
    room.addReceipt(makeEvent({ type: 'm.receipt', sender: ME, content: { [newest.getId() ?? '']: { 'm.read': { [ME]: { ts: Date.now() } } } } }));
    // The sync's counts still say 3 and 1: the receipt on the newest event wins.
    expect(room.getUnreadNotificationCount(NotificationCountType.Total)).toBe(3);
    expect(toRoomListEntry(room, ME, new Set())).toMatchObject({ unread: 0, highlight: 0 });
  });

  it('previews a reply without the quoted original that older clients get, and a plain "> " message as it is', async () => {
    const reply = await makeRoom('!r:example.org', [
      member(ME, 'join'),
      member('@budi:example.org', 'join', 'Budi'),
      text('@budi:example.org', `> <${ME}> Rapat jam 9\n\nSiap, saya datang`, { 'm.relates_to': { 'm.in_reply_to': { event_id: '$asked' } } }),
    ]);
    expect(toRoomListEntry(reply, ME, new Set())?.preview).toEqual({ sender: 'Budi', own: false, body: 'Siap, saya datang' });
    const quote = await makeRoom('!q:example.org', [
      member(ME, 'join'),
      member('@budi:example.org', 'join', 'Budi'),
      text('@budi:example.org', '> kutipan\n\nbalasan'),
    ]);
    expect(toRoomListEntry(quote, ME, new Set())?.preview?.body).toBe('> kutipan balasan');
  });

  it('previews formatted text by its words, a formatted reply without its quoted original', async () => {
    const room = await makeRoom('!f:example.org', [
      member(ME, 'join'),
      member('@budi:example.org', 'join', 'Budi'),
      text('@budi:example.org', '> <@me:example.org> Rapat?\n\nJam 9 di **balai desa**', {
        format: 'org.matrix.custom.html',
        formatted_body: '<mx-reply><blockquote>Rapat?</blockquote></mx-reply>Jam 9 di <strong>balai desa</strong> &amp; kantor',
        'm.relates_to': { 'm.in_reply_to': { event_id: '$x' } },
      }),
    ]);
    expect(toRoomListEntry(room, ME, new Set())?.preview).toMatchObject({ sender: 'Budi', body: 'Jam 9 di balai desa & kantor' });
  });

  it('previews a message imported from WhatsApp under its original author, without the [time] Name: prefix', async () => {
    const block = { v: 1, source: 'a'.repeat(64), index: 7, sender: 'Pak Joko', ts: 1000, system: false };
    const room = await makeRoom('!imp:example.org', [
      member(ME, 'join'),
      text(ME, '[12/01/24 09.00] Pak Joko: panen minggu depan', { 'coop.rembuk.import': block }),
    ]);
    expect(toRoomListEntry(room, ME, new Set())?.preview).toEqual({ sender: 'Pak Joko', own: false, body: 'panen minggu depan' });
  });

  it('shows an invite with its inviter and no unread count, marked direct when the invite says so', async () => {
    const invite = makeEvent({ type: 'm.room.member', sender: '@budi:example.org', state_key: ME, content: { membership: 'invite', is_direct: true } });
    const room = await makeRoom('!b:example.org', [member('@budi:example.org', 'join', 'Budi'), invite], 'invite');
    expect(toRoomListEntry(room, ME, new Set())).toMatchObject({ membership: 'invite', inviter: 'Budi', isDirect: true, unread: 0 });
  });

  it('leaves out rooms the member left', async () => {
    const room = await makeRoom('!c:example.org', [member(ME, 'leave')], 'leave');
    expect(toRoomListEntry(room, ME, new Set())).toBeNull();
  });

  it('sorts invites first, then most recent activity, then name', async () => {
    const older = await makeRoom('!old:example.org', [member(ME, 'join'), text(ME, 'lama')]);
    const newer = await makeRoom('!new:example.org', [member(ME, 'join'), text(ME, 'baru')]);
    const invited = await makeRoom(
      '!inv:example.org',
      [makeEvent({ type: 'm.room.member', sender: '@x:example.org', state_key: ME, content: { membership: 'invite' } })],
      'invite',
    );
    const ids = projectRoomList([older, invited, newer], ME, new Set(['!new:example.org'])).map((entry) => [entry.id, entry.isDirect]);
    expect(ids).toEqual([
      ['!inv:example.org', false],
      ['!new:example.org', true],
      ['!old:example.org', false],
    ]);
    const tie = { lastActivity: 5, membership: 'join' as const };
    expect(compareRoomListEntries({ ...tie, name: 'a', id: '1' } as never, { ...tie, name: 'b', id: '2' } as never)).toBeLessThan(0);
  });

  it('makes initials from names, skipping sigils and handling emoji', () => {
    expect(initialsOf('@budi:example.org')).toBe('BE');
    expect(initialsOf('rapat anggota tahunan')).toBe('RA');
    expect(initialsOf('🌾 Tani')).toBe('🌾T');
    expect(initialsOf('')).toBe('?');
  });
});
