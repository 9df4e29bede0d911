import type { MatrixEvent } from 'matrix-js-sdk';
import type { GovEvent } from '../governance/assemble.ts';
import type { FetchedEvent, LiveEvent } from '../governance/governance-port.ts';

/** Reads a (decrypted, if possible) event as the governance code sees it. */
export const govEventOf = (event: MatrixEvent): GovEvent => ({
  eventId: event.getId() ?? '',
  sender: event.getSender() ?? '',
  ts: event.getTs(),
  type: event.getType(),
  // Edits are not part of the protocol: a changed proposal needs a new proposal.
  content: event.getOriginalContent(),
  // Still encrypted after the attempt (or still being decrypted): its content is unknown for now.
  undecryptable: event.isDecryptionFailure() || event.isBeingDecrypted() || event.getType() === 'm.room.encrypted',
});

export const fetchedEventOf = (event: MatrixEvent): FetchedEvent => ({ ...govEventOf(event), roomId: event.getRoomId() ?? null });

/** The event an undecryptable event refers to: m.relates_to stays in clear text. */
const encryptedReference = (event: MatrixEvent): string | null => {
  if (!event.isDecryptionFailure()) {
    return null;
  }
  const relation = event.getWireContent()['m.relates_to'] as { rel_type?: unknown; event_id?: unknown } | undefined;
  return relation?.rel_type === 'm.reference' && typeof relation.event_id === 'string' ? relation.event_id : null;
};

export const liveEventOf = (event: MatrixEvent): LiveEvent => ({
  ...fetchedEventOf(event),
  beingDecrypted: event.isBeingDecrypted(),
  encryptedReference: encryptedReference(event),
});
