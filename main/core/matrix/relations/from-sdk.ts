import type { MatrixEvent } from 'matrix-js-sdk';
import { asRecord, readRelation, type RelEvent } from './rel-event.ts';
import { stableItemId } from '../item-id.ts';

/**
 * The plain view of an SDK event for relation aggregation: its decrypted type and its own
 * content (`getOriginalContent`: the SDK may already show an edit's content in `getContent`),
 * the relation read from the payload and from the cleartext wire content.
 */
const fromSdk = (event: MatrixEvent): RelEvent => {
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

/**
 * Every projection of a window reads all its events (and the live timeline's) again; the
 * plain view is kept per event while what it depends on stays the same: its id (a local
 * echo gets its server id), its decrypted type, and whether it is redacted.
 */
const cache = new WeakMap<MatrixEvent, { id: string | undefined; type: string; redacted: boolean; failed: boolean; rel: RelEvent }>();

export const toRelEvent = (event: MatrixEvent): RelEvent => {
  const id = event.getId();
  const type = event.getType();
  const redacted = event.isRedacted() || event.localRedactionEvent() !== null;
  const failed = event.isDecryptionFailure();
  const cached = cache.get(event);
  if (cached !== undefined && cached.id === id && cached.type === type && cached.redacted === redacted && cached.failed === failed) {
    return cached.rel;
  }
  const rel = fromSdk(event);
  cache.set(event, { id, type, redacted, failed, rel });
  return rel;
};
