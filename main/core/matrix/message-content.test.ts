import { describe, expect, it } from 'vitest';
import { editContent, inThread, reactionContent, textContent, withReply } from './message-content.ts';

const ME = '@me:example.org';

describe('message content', () => {
  it('puts m.mentions on every message (empty when nobody is mentioned)', () => {
    expect(textContent('halo', [], false)).toEqual({ msgtype: 'm.text', body: 'halo', 'm.mentions': {} });
    expect(textContent('@room rapat', [], true)['m.mentions']).toEqual({ room: true });
  });

  it('builds a reply with m.in_reply_to, the spec fallback in body and html, and the original sender mentioned', () => {
    const reply = withReply(textContent('Siap', [], false), { eventId: '$o', roomId: '!r:x', sender: '@alice:x', body: 'Rapat\njam 7', html: null }, ME);
    expect(reply.body).toBe('> <@alice:x> Rapat\n> jam 7\n\nSiap');
    expect(reply.formatted_body).toMatch(
      /^<mx-reply><blockquote><a href="https:\/\/matrix.to\/#\/!r%3Ax\/%24o">In reply to<\/a> .*Rapat<br>jam 7<\/blockquote><\/mx-reply>Siap$/,
    );
    expect(reply['m.relates_to']).toEqual({ 'm.in_reply_to': { event_id: '$o' } });
    expect(reply['m.mentions']).toEqual({ user_ids: ['@alice:x'] });
  });

  it('quotes a reply without its own fallback', () => {
    const reply = withReply(textContent('c', [], false), { eventId: '$b', roomId: '!r', sender: '@b:x', body: '> <@a:x> a\n\nb', html: null }, ME);
    expect(reply.body).toBe('> <@b:x> b\n\nc');
  });

  it('builds a thread message falling back to a reply to the latest in the thread', () => {
    expect(inThread(textContent('ok', [], false), '$root', '$latest')['m.relates_to']).toEqual({
      rel_type: 'm.thread',
      event_id: '$root',
      is_falling_back: true,
      'm.in_reply_to': { event_id: '$latest' },
    });
  });

  it('builds an edit with m.new_content, a "* " fallback, and only newly mentioned members outside', () => {
    const edit = editContent('$o', textContent('*benar* Budi', [{ userId: '@budi:x', name: 'Budi' }], false), ['@ani:x']);
    expect(edit).toMatchObject({
      body: '* *benar* Budi',
      formatted_body: '* <strong>benar</strong> <a href="https://matrix.to/#/@budi:x">Budi</a>',
      'm.relates_to': { rel_type: 'm.replace', event_id: '$o' },
      'm.mentions': { user_ids: ['@budi:x'] },
    });
    expect(edit['m.new_content']).toEqual({
      msgtype: 'm.text',
      body: '*benar* Budi',
      format: 'org.matrix.custom.html',
      formatted_body: '<strong>benar</strong> <a href="https://matrix.to/#/@budi:x">Budi</a>',
      'm.mentions': { user_ids: ['@budi:x'] },
    });
  });

  it('sanitises the HTML of an edit: script, iframe and onerror never go out', () => {
    const edit = editContent('$o', textContent('x <b onmouseover=alert(1)>y</b> <iframe src=//evil></iframe><script>alert(1)</script> **z**', [], false), []);
    for (const html of [edit.formatted_body ?? '', edit['m.new_content'].formatted_body ?? '']) {
      // What is left of them is text (escaped), never a tag or an attribute.
      expect(html).not.toMatch(/<script|<iframe|<b\s|<[^>]*\son\w+=/);
      expect(html).toContain('<strong>z</strong>');
    }
  });

  it('builds a reaction annotation', () => {
    expect(reactionContent('$o', '👍')).toEqual({ 'm.relates_to': { rel_type: 'm.annotation', event_id: '$o', key: '👍' } });
  });
});
