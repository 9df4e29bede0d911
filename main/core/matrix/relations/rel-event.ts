/**
 * The plain view of an event that relation aggregation works on: no SDK object, so the
 * aggregation (relation-index.ts) is a pure function of what any client may have sent.
 */
export type RelEvent = {
  /** The event id, or the stable item id of a local echo still on its way. */
  id: string;
  roomId: string;
  /** The decrypted type (`m.reaction`, not `m.room.encrypted`). */
  type: string;
  sender: string;
  ts: number;
  /** The event's own (decrypted) content, never the content an edit replaced it with. */
  content: Record<string, unknown>;
  relation: Relation | null;
  /** The event id replied to (`m.in_reply_to`), in whichever relation it came. */
  inReplyTo: string | null;
  redacted: boolean;
};

export type Relation = { relType: string; eventId: string; key: string | null; isFallingBack: boolean };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The relation of an event from its relates_to blocks: in encrypted rooms senders lift it
 * into the cleartext wire content (matrix-js-sdk), or leave it inside the payload (some
 * other clients); either is read, the payload's first.
 */
export const readRelation = (...blocks: unknown[]): { relation: Relation | null; inReplyTo: string | null } => {
  let relation: Relation | null = null;
  let inReplyTo: string | null = null;
  for (const block of blocks) {
    if (!isRecord(block)) {
      continue;
    }
    if (relation === null && typeof block.rel_type === 'string' && typeof block.event_id === 'string' && block.event_id !== '') {
      relation = {
        relType: block.rel_type,
        eventId: block.event_id,
        key: typeof block.key === 'string' ? block.key : null,
        isFallingBack: block.is_falling_back === true,
      };
    }
    const reply = block['m.in_reply_to'];
    if (inReplyTo === null && isRecord(reply) && typeof reply.event_id === 'string' && reply.event_id !== '') {
      inReplyTo = reply.event_id;
    }
  }
  return { relation, inReplyTo };
};

export const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
