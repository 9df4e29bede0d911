import { describe, expect, it } from 'vitest';
import { parsePollStart, POLL_END, POLL_RESPONSE, POLL_START } from '../../governance/protocol.ts';
import { pollView } from './poll-view.ts';
import type { RelEvent } from './rel-event.ts';

const start = parsePollStart(POLL_START, {
  [POLL_START]: {
    kind: 'org.matrix.msc3381.poll.disclosed',
    max_selections: 1,
    question: { 'org.matrix.msc1767.text': 'Makan di mana?' },
    answers: [
      { id: 'a', 'org.matrix.msc1767.text': 'Warung' },
      { id: 'b', 'org.matrix.msc1767.text': 'Kantin' },
    ],
  },
});

const ref = (id: string, sender: string, ts: number, type: string, content: Record<string, unknown>): RelEvent => ({
  id,
  roomId: '!r',
  type,
  sender,
  ts,
  content: { 'm.relates_to': { rel_type: 'm.reference', event_id: '$poll' }, ...content },
  relation: { relType: 'm.reference', eventId: '$poll', key: null, isFallingBack: false },
  inReplyTo: null,
  redacted: false,
});
const vote = (id: string, sender: string, ts: number, answers: string[]): RelEvent => ref(id, sender, ts, POLL_RESPONSE, { [POLL_RESPONSE]: { answers } });

describe('pollView', () => {
  it('counts one vote per member (the latest), ignores votes after the end and unknown answers', () => {
    if (start === null) {
      throw new Error('poll start did not parse');
    }
    const view = pollView({
      start,
      startSender: '@host:x',
      myUserId: '@me:x',
      references: [
        vote('$1', '@me:x', 10, ['a']),
        vote('$2', '@me:x', 20, ['b']),
        vote('$3', '@ani:x', 15, ['a']),
        vote('$4', '@eve:x', 16, ['zzz']),
        ref('$fake-end', '@eve:x', 25, POLL_END, {}),
        ref('$end', '@host:x', 30, POLL_END, {}),
        vote('$5', '@late:x', 40, ['a']),
      ],
    });
    expect(view).toMatchObject({ question: 'Makan di mana?', kind: 'disclosed', ended: true, totalVotes: 2 });
    expect(view.answers).toEqual([
      { id: 'a', text: 'Warung', votes: 1, mine: false },
      { id: 'b', text: 'Kantin', votes: 1, mine: true },
    ]);
  });

  it('takes back a vote with an empty answer list', () => {
    if (start === null) {
      throw new Error('poll start did not parse');
    }
    const view = pollView({ start, startSender: '@host:x', myUserId: '@me:x', references: [vote('$1', '@me:x', 10, ['a']), vote('$2', '@me:x', 20, [])] });
    expect(view.totalVotes).toBe(0);
    expect(view.ended).toBe(false);
  });
});
