import { EventTimeline, type Room, type RoomState } from 'matrix-js-sdk';

/** The room account data where a member turns link previews on or off (Element's key). */
export const PREVIEW_URLS = 'org.matrix.room.preview_urls';

/** The room's state now (the live timeline's end). */
const stateOf = (room: Room): RoomState | undefined => room.getLiveTimeline().getState(EventTimeline.FORWARDS);

/** May notify the whole room with @room (the `notifications.room` power level). */
export const mayMentionRoom = (room: Room, userId: string): boolean => stateOf(room)?.mayTriggerNotifOfType('room', userId) ?? false;

/** May delete others' messages (the `redact` power level). */
export const mayRedactOthers = (room: Room, userId: string): boolean =>
  stateOf(room)?.hasSufficientPowerLevelFor('redact', room.getMember(userId)?.powerLevel ?? 0) ?? false;

/** Whether link previews are fetched in the room: the member's choice, else off when encrypted (the server would see the URL). */
export const linkPreviewsOn = (room: Room): boolean => {
  const disable = room.getAccountData(PREVIEW_URLS)?.getContent<{ disable?: unknown }>().disable;
  return typeof disable === 'boolean' ? !disable : !room.hasEncryptionStateEvent();
};
