import type { MatrixEvent } from 'matrix-js-sdk';
import type { GovEvent, RawStateEvent } from './assemble.ts';

/** What a proposal's tally is computed from: its poll start, the room state at it, and every event related to it. */
export type ProposalMaterial = { start: MatrixEvent; stateAtProposal: RawStateEvent[]; related: MatrixEvent[] };

/** Reads a (decrypted, if possible) event as the governance code sees it. */
export const govEvent = (event: MatrixEvent): GovEvent => ({
  eventId: event.getId() ?? '',
  sender: event.getSender() ?? '',
  ts: event.getTs(),
  type: event.getType(),
  // Edits are not part of the protocol: a changed proposal needs a new proposal.
  content: event.getOriginalContent(),
  // Still encrypted after the attempt (or still being decrypted): its content is unknown for now.
  undecryptable: event.isDecryptionFailure() || event.isBeingDecrypted() || event.getType() === 'm.room.encrypted',
});
