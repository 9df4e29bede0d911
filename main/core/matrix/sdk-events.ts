/**
 * Rembuk's own events, merged into matrix-js-sdk's event maps so that `sendEvent`,
 * `sendStateEvent` and `getStateEvents` check their content like the spec's own events.
 * The keys are the wire names (governance/protocol.ts and governance/proposal-index.ts
 * export them as constants; a constant that drifts from its key here no longer compiles
 * where it is sent). Of MSC3381's events only the response is added: the SDK already maps
 * both names of the start and the end (`m.poll.*` and `org.matrix.msc3381.poll.*`) to its
 * own extensible-event types, which `PollStartContent`/`PollEndContent` satisfy as they are.
 */
import type { Charter, MemberEntry, PollResponseContent } from '../governance/protocol.ts';
import type { ProposalStatus } from '../governance/proposal-index.ts';

/** The stable form of a poll vote (`m.poll.response`): the selection in `m.selections`. */
export type StablePollResponseContent = { 'm.relates_to': { rel_type: 'm.reference'; event_id: string }; 'm.selections': string[] };

declare module 'matrix-js-sdk/lib/@types/event.js' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging works on interfaces only
  interface TimelineEvents {
    'org.matrix.msc3381.poll.response': PollResponseContent;
    /** MSC3381's stable vote, sent to polls that were started with the stable type. */
    'm.poll.response': StablePollResponseContent;
  }

  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging works on interfaces only
  interface RoomAccountDataEvents {
    /** This member's choice of link previews in a room (Element's key): `disable: true` turns them off. */
    'org.matrix.room.preview_urls': { disable: boolean };
  }

  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- declaration merging works on interfaces only
  interface StateEvents {
    /** The co-op's charter (state key ''). */
    'coop.rembuk.charter': Charter;
    /** A member's class in the registry (state key: the member); `{}` clears it. */
    'coop.rembuk.member': MemberEntry | Record<string, never>;
    /** A proposal's place in the index (state key: the proposal's event id). */
    'coop.rembuk.proposal_status': ProposalStatus;
  }
}
