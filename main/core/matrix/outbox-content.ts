/**
 * What the outbox may hold besides plain text, checked before it is stored and again before
 * it is sent (the file on disk is read back after a restart): each guard names the SDK type
 * the content is then sent as, so no cast stands between the outbox and `sendEvent`.
 */
import { EventType } from 'matrix-js-sdk';
import type { ReactionEventContent, RoomMessageEventContent } from 'matrix-js-sdk/lib/@types/events.js';
import { POLL_RESPONSE, STABLE_POLL_RESPONSE, type PollResponseContent } from '../governance/protocol.ts';
import type { StablePollResponseContent } from './sdk-events.ts';

export type OutboxEventType = EventType.RoomMessage | EventType.Reaction | typeof POLL_RESPONSE | typeof STABLE_POLL_RESPONSE;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');

const referenceOk = (value: unknown): boolean => isRecord(value) && value.rel_type === 'm.reference' && typeof value.event_id === 'string';

export const isRoomMessage = (content: unknown): content is RoomMessageEventContent =>
  isRecord(content) && typeof content.msgtype === 'string' && typeof content.body === 'string';

export const isReaction = (content: unknown): content is ReactionEventContent => {
  const relation = isRecord(content) ? content['m.relates_to'] : undefined;
  return isRecord(relation) && relation.rel_type === 'm.annotation' && typeof relation.event_id === 'string' && typeof relation.key === 'string';
};

export const isUnstableVote = (content: unknown): content is PollResponseContent => {
  const response = isRecord(content) ? content[POLL_RESPONSE] : undefined;
  return isRecord(content) && referenceOk(content['m.relates_to']) && isRecord(response) && isStringArray(response.answers);
};

export const isStableVote = (content: unknown): content is StablePollResponseContent =>
  isRecord(content) && referenceOk(content['m.relates_to']) && isStringArray(content['m.selections']);

export const contentFits = (type: OutboxEventType, content: unknown): boolean => {
  switch (type) {
    case EventType.RoomMessage:
      return isRoomMessage(content);
    case EventType.Reaction:
      return isReaction(content);
    case POLL_RESPONSE:
      return isUnstableVote(content);
    case STABLE_POLL_RESPONSE:
      return isStableVote(content);
  }
};
