import type { MatrixEvent } from 'matrix-js-sdk';
import { asRecord, readRelation, type RelEvent } from './rel-event.ts';
import { stableItemId } from '../item-id.ts';

/**
 * The plain view of an SDK event for relation aggregation: its decrypted type and its own
 * content (`getOriginalContent`: the SDK may already show an edit's content in `getContent`),
 * the relation read from the payload and from the cleartext wire content.
 */
export const toRelEvent = (event: MatrixEvent): RelEvent => {
  const content = asRecord(event.getOriginalContent());
  const { relation, inReplyTo } = readRelation(content['m.relates_to'], event.getWireContent()['m.relates_to']);
  return {
    id: event.getId() ?? stableItemId(event),
    roomId: event.getRoomId() ?? '',
    type: event.getType(),
    sender: event.getSender() ?? '',
    ts: event.getTs(),
    content,
    relation,
    inReplyTo,
    // A redaction of ours on its way already takes the event back (a reaction toggled off).
    redacted: event.isRedacted() || event.localRedactionEvent() !== null,
  };
};
