/**
 * The room an import makes, and how the group's members get into it afterwards.
 *
 * Join rule `knock`: anyone with the link can ask to join, and any member lets them in with
 * an invite. Not `public` ("anyone with the link joins"), for two reasons. The imported
 * history is end-to-end encrypted, and its keys reach a newcomer only with an invite
 * (MSC4268: matrix-js-sdk shares the room's key bundle in `invite`, never on a join), so
 * someone who joined by link would see every imported message as "encrypted". And a
 * WhatsApp invite link leaks easily (forwarded, screenshotted); asking keeps the group's
 * history with its members. Not `invite` either: then the old group would have to send
 * their Matrix IDs to an admin, which is the step a link is meant to save.
 *
 * The link names the room ID (with `via`), not an alias: aliases are one namespace per
 * server, and a guessable name is what a private room does not want.
 */
import { EventTimeline, EventType, JoinRule, KnownMembership, Preset, type MatrixClient, type Room } from 'matrix-js-sdk';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import type { KnockRequest, RoomLink } from '../../../../shared/model/import.ts';
import { ENCRYPTION_ON } from '../room-actions.ts';
import { toRembukError } from '../matrix-errors.ts';

/** In `m.room.create`'s content: which import made the room, so a crash between creating it and saving its id cannot make a second one. */
export const IMPORT_ID_KEY = 'coop.rembuk.import_id';

/** MSC4268 shares history with invitees only from rooms whose history was `shared` when it was written. */
const HISTORY_SHARED = { type: EventType.RoomHistoryVisibility, state_key: '', content: { history_visibility: 'shared' } };
const KNOCK = { type: EventType.RoomJoinRules, state_key: '', content: { join_rule: JoinRule.Knock } };

export const createImportRoom = async (client: MatrixClient, name: string, importId: string): Promise<string> => {
  try {
    const { room_id: roomId } = await client.createRoom({
      name,
      preset: Preset.PrivateChat,
      creation_content: { [IMPORT_ID_KEY]: importId },
      initial_state: [ENCRYPTION_ON, HISTORY_SHARED, KNOCK],
    });
    return roomId;
  } catch (error) {
    throw toRembukError(error);
  }
};

/** The room an earlier run made for this import, if the server already told us about it. */
export const findImportRoom = (client: MatrixClient, importId: string): string | null => {
  const room = client.getRooms().find((candidate) => {
    const create = candidate.getLiveTimeline().getState(EventTimeline.FORWARDS)?.getStateEvents(EventType.RoomCreate, '');
    return candidate.getMyMembership() === KnownMembership.Join && create?.getContent()[IMPORT_ID_KEY] === importId;
  });
  return room?.roomId ?? null;
};

export const serverNameOf = (id: string): string => id.slice(id.indexOf(':') + 1);

/** `https://matrix.to/#/!room:server?via=server`, the link every Matrix app understands (spec: matrix.to URIs). */
export const matrixToLink = (roomId: string, via: string): string => `https://matrix.to/#/${encodeURIComponent(roomId)}?via=${encodeURIComponent(via)}`;

const joinedRoom = (client: MatrixClient, roomId: string): Room => {
  const room = client.getRoom(roomId);
  if (room?.getMyMembership() !== KnownMembership.Join) {
    throw new RembukError('room_not_found');
  }
  return room;
};

export const roomLinkOf = (client: MatrixClient, roomId: string, userId: string): RoomLink => {
  const room = joinedRoom(client, roomId);
  return { roomId, link: matrixToLink(roomId, serverNameOf(userId)), joinRule: room.getJoinRule() };
};

/** Who asked to join by the link and waits for someone to let them in. */
export const knocksOf = (client: MatrixClient, roomId: string): KnockRequest[] =>
  joinedRoom(client, roomId)
    .getMembersWithMembership(KnownMembership.Knock)
    .map((member) => {
      const reason = member.events.member?.getContent<{ reason?: unknown }>().reason;
      return { userId: member.userId, displayName: member.name, reason: typeof reason === 'string' ? reason : null };
    });

/** A matrix.to link (or a bare room ID or alias) → the room and the servers to reach it through. */
export const parseRoomLink = (text: string): { room: string; via: string[] } | null => {
  const trimmed = text.trim();
  let target = trimmed;
  let query = '';
  const hash = /^https:\/\/matrix\.to\/#\/(.+)$/i.exec(trimmed);
  if (hash !== null) {
    const rest = hash[1] as string;
    const question = rest.indexOf('?');
    target = question < 0 ? rest : rest.slice(0, question);
    query = question < 0 ? '' : rest.slice(question + 1);
    try {
      target = decodeURIComponent(target);
    } catch {
      return null;
    }
  }
  // Room IDs of room version 12 on are a bare hash (`!abc…`, MSC4291); older ones and aliases name a server.
  const isRoomId = /^![^\s/]+$/.test(target);
  if (!isRoomId && !/^#[^:\s]+:[^\s]+$/.test(target)) {
    return null;
  }
  const via = new URLSearchParams(query).getAll('via').filter((server) => /^[A-Za-z0-9.\-:[\]]+$/.test(server));
  const fallback = target.includes(':') ? [serverNameOf(target)] : [];
  return { room: target, via: via.length > 0 ? via : fallback };
};

/**
 * Joins the room of a link: straight in where its join rule allows, otherwise by asking
 * (knock), after which a member's invite lets us in and brings the history's keys.
 */
export const joinByLink = async (client: MatrixClient, link: string): Promise<{ roomId: string; state: 'joined' | 'requested' }> => {
  const parsed = parseRoomLink(link);
  if (parsed === null) {
    throw new RembukError('invalid_link');
  }
  try {
    const room = await client.joinRoom(parsed.room, { viaServers: parsed.via });
    return { roomId: room.roomId, state: 'joined' };
  } catch (error) {
    const mapped = toRembukError(error, 'room_not_found');
    if (mapped.code !== 'forbidden') {
      throw mapped;
    }
  }
  try {
    const { room_id: roomId } = await client.knockRoom(parsed.room, { viaServers: parsed.via });
    return { roomId, state: 'requested' };
  } catch (error) {
    throw toRembukError(error, 'room_not_found');
  }
};
