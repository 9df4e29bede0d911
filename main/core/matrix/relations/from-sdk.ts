import type { MatrixEvent } from 'matrix-js-sdk';
import { asRecord, readRelation, type RelEvent } from './rel-event.ts';
import { RelationFeed } from './relation-feed.ts';
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

/** A view with what it depends on: its id (a local echo gets its server id), its decrypted type, whether it is redacted or failed to decrypt. */
type SdkViewed = { rel: RelEvent; id: string | undefined; type: string; redacted: boolean; failed: boolean; seen?: number };

/**
 * The view kept while what it depends on stays the same. Kept by a window's feed (a Map it
 * prunes), not in a WeakMap beside every event: setting a WeakMap entry cost more than the
 * view itself (about 1.8 µs an event, most of opening a window full of reactions).
 */
const sdkView = (event: MatrixEvent, previous: SdkViewed | undefined): SdkViewed => {
  const id = event.getId();
  const type = event.getType();
  const redacted = event.isRedacted() || event.localRedactionEvent() !== null;
  const failed = event.isDecryptionFailure();
  if (previous !== undefined && previous.id === id && previous.type === type && previous.redacted === redacted && previous.failed === failed) {
    return previous;
  }
  return { rel: toRelEvent(event), id, type, redacted, failed, seen: 0 };
};

/** A window's feed of SDK events: the relations among what it holds, kept from one projection to the next. */
export const sdkRelationFeed = (): RelationFeed<MatrixEvent, SdkViewed> => new RelationFeed(sdkView);
