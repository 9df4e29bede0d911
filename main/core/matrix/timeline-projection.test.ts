import { EventStatus } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { projectTimeline, stableItemId, toTimelineItem } from './timeline-projection.ts';
import { makeEvent, makeRoom, ME, member, text } from './test-room.ts';

const nameOf = (userId: string): string => (userId === '@alice:example.org' ? 'Alice' : userId);

describe('timeline projection', () => {
  it('shows a text message with sender name, own flag and sent state', () => {
    const item = toTimelineItem(text('@alice:example.org', 'Halo semua'), ME, nameOf);
    expect(item).toMatchObject({ kind: 'message', msgtype: 'text', body: 'Halo semua', senderName: 'Alice', own: false, sendState: 'sent', html: null });
  });

  it('passes formatted HTML through raw, for the renderer to sanitise', () => {
    const item = toTimelineItem(text(ME, 'bold', { format: 'org.matrix.custom.html', formatted_body: '<b>bold</b><img src=x onerror=alert(1)>' }), ME, nameOf);
    expect(item).toMatchObject({ kind: 'message', own: true, html: '<b>bold</b><img src=x onerror=alert(1)>' });
  });

  it('maps local echo states to sending and failed, and hides cancelled ones', () => {
    const event = text(ME, 'pending');
    event.setStatus(EventStatus.SENDING);
    expect(toTimelineItem(event, ME, nameOf)).toMatchObject({ sendState: 'sending', eventId: null });
    event.setStatus(EventStatus.NOT_SENT);
    expect(toTimelineItem(event, ME, nameOf)).toMatchObject({ sendState: 'failed' });
    event.setStatus(EventStatus.CANCELLED);
    expect(toTimelineItem(event, ME, nameOf)).toBeNull();
  });

  it('keeps the same id from local echo to remote echo through the transaction id', () => {
    const local = text(ME, 'x');
    local.setTxnId('t123');
    const remote = makeEvent({ type: 'm.room.message', sender: ME, content: { msgtype: 'm.text', body: 'x' }, unsigned: { transaction_id: 't123' } });
    expect(stableItemId(local)).toBe('txn:t123');
    expect(stableItemId(remote)).toBe('txn:t123');
    expect(stableItemId(text('@alice:example.org', 'y'))).toMatch(/^\$e/);
  });

  it('describes membership changes, and hides edits and other state', () => {
    expect(toTimelineItem(member('@alice:example.org', 'join'), ME, nameOf)).toMatchObject({ kind: 'membership', change: 'joined', target: 'Alice' });
    expect(toTimelineItem(member('@alice:example.org', 'invite', undefined, ME), ME, nameOf)).toMatchObject({ change: 'invited' });
    const edit = text(ME, '* fixed', { 'm.relates_to': { rel_type: 'm.replace', event_id: '$x' } });
    expect(toTimelineItem(edit, ME, nameOf)).toBeNull();
    expect(toTimelineItem(makeEvent({ type: 'm.room.power_levels', sender: ME, state_key: '', content: {} }), ME, nameOf)).toBeNull();
  });

  it('projects a room in timeline order with members named', async () => {
    const room = await makeRoom('!r:example.org', [
      makeEvent({ type: 'm.room.create', sender: ME, state_key: '', content: {} }),
      member(ME, 'join'),
      member('@alice:example.org', 'join', 'Alice'),
      text('@alice:example.org', 'satu'),
      text(ME, 'dua'),
    ]);
    const items = projectTimeline(room, ME);
    expect(items.map((item) => item.kind)).toEqual(['roomCreated', 'membership', 'membership', 'message', 'message']);
    expect(items[3]).toMatchObject({ senderName: 'Alice', body: 'satu' });
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });
});
