/**
 * An MSC3381 poll from any client as the timeline shows it (informal polls; the Co-op
 * tab's weighted proposals are tallied by governance instead). One vote per member: their
 * latest response counts, responses after the poll ended are ignored, and a response that
 * names an unknown answer or none (taken back) counts for nobody.
 */
import type { PollView } from '../../../../shared/model/conversation.ts';
import { parsePollEnd, parsePollResponse, type PollStart } from '../../governance/protocol.ts';
import type { RelEvent } from './rel-event.ts';

export const pollView = (options: {
  start: PollStart;
  startSender: string;
  /** Events pointing at the poll (`m.reference`): responses and ends, any order. */
  references: readonly RelEvent[];
  myUserId: string;
}): PollView => {
  const { start, myUserId } = options;
  // Only the poll's creator ends it here; the earliest end is the one that counts.
  const endTs = options.references
    .filter((event) => event.sender === options.startSender && parsePollEnd(event.type, event.content) !== null)
    .reduce<number | null>((earliest, event) => (earliest === null || event.ts < earliest ? event.ts : earliest), null);
  const latest = new Map<string, { ts: number; answers: string[] }>();
  for (const event of options.references) {
    const response = parsePollResponse(event.type, event.content);
    if (response === null || (endTs !== null && event.ts > endTs)) {
      continue;
    }
    const previous = latest.get(event.sender);
    if (previous === undefined || event.ts >= previous.ts) {
      latest.set(event.sender, { ts: event.ts, answers: response.answers });
    }
  }
  const ids = new Set(start.answers.map((answer) => answer.id));
  const votes = new Map<string, number>();
  const mine = new Set<string>();
  let totalVotes = 0;
  for (const [sender, response] of latest) {
    const chosen = [...new Set(response.answers)].slice(0, start.maxSelections);
    if (chosen.length === 0 || !chosen.every((id) => ids.has(id))) {
      continue;
    }
    totalVotes++;
    for (const id of chosen) {
      votes.set(id, (votes.get(id) ?? 0) + 1);
      if (sender === myUserId) {
        mine.add(id);
      }
    }
  }
  return {
    question: start.question,
    answers: start.answers.map((answer) => ({ id: answer.id, text: answer.text, votes: votes.get(answer.id) ?? 0, mine: mine.has(answer.id) })),
    kind: start.kind === 'disclosed' ? 'disclosed' : 'undisclosed',
    maxSelections: start.maxSelections,
    ended: endTs !== null,
    totalVotes,
  };
};
