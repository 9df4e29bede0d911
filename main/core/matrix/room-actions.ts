import { EventTimeline, EventType, KnownMembership, Preset, ReceiptType, RoomEvent, type MatrixClient, type Room } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { RoomDetails } from '../../../shared/model/room.ts';
import type { MatrixAccount } from './matrix-account.ts';
import { linkPreviewsOn, mayMentionRoom, mayRedactOthers } from './room-permissions.ts';
import { toRembukError } from './matrix-errors.ts';
import { newestServerEvent } from './newest-server-event.ts';

/**
 * How long accepting an invite waits for the sync to show the room as joined. The join is
 * done on the server when its request answers, but until the sync brings the room's join
 * section the client still holds it as an invite, and a message sent then fails with
 * room_not_found.
 */
export const JOIN_SYNC_TIMEOUT_MS = 15_000;

/**
 * Direct chats and private rooms are end-to-end encrypted from their first event, as in
 * Element and Signal. Megolm is the only room algorithm in the Matrix spec.
 */
export const ENCRYPTION_ON = {
  type: EventType.RoomEncryption,
  state_key: '',
  content: { algorithm: 'm.megolm.v1.aes-sha2' },
};

/** What a member does to rooms: create, invite, answer invites, read. */
export class RoomActions {
  private readonly account: MatrixAccount;
  private readonly client: MatrixClient;
  private readonly joinSyncTimeoutMs: number;

  constructor(account: MatrixAccount, client: MatrixClient, options: { joinSyncTimeoutMs?: number } = {}) {
    this.account = account;
    this.client = client;
    this.joinSyncTimeoutMs = options.joinSyncTimeoutMs ?? JOIN_SYNC_TIMEOUT_MS;
  }

  private joinedRoom(roomId: string): Room {
    const room = this.account.room(roomId);
    if (room === null || room.getMyMembership() !== KnownMembership.Join) {
      throw new RembukError('room_not_found');
    }
    return room;
  }

  details(roomId: string): RoomDetails {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    const topic = room.getLiveTimeline().getState(EventTimeline.FORWARDS)?.getStateEvents(EventType.RoomTopic, '')?.getContent<{ topic?: unknown }>().topic;
    return {
      id: room.roomId,
      name: room.name,
      topic: typeof topic === 'string' && topic.length > 0 ? topic : null,
      memberCount: room.getJoinedMemberCount(),
      isDirect: this.account.directRoomIds().has(room.roomId),
      encrypted: room.hasEncryptionStateEvent(),
      canInvite: room.canInvite(this.account.userId),
      canRedactOthers: mayRedactOthers(room, this.account.userId),
      canMentionRoom: mayMentionRoom(room, this.account.userId),
      // Off in encrypted rooms (the server would fetch the URL), on elsewhere, until the member chooses.
      linkPreviews: linkPreviewsOn(room),
    };
  }

  /**
   * Moves the read receipt to the newest event, which clears the room's unread count; a
   * private receipt (`m.read.private`) clears it without others seeing how far we read.
   */
  async markRead(roomId: string, privately = false): Promise<void> {
    const room = this.joinedRoom(roomId);
    const newest = newestServerEvent(room);
    if (newest === undefined || room.hasUserReadEvent(this.account.userId, newest.getId() ?? '')) {
      return;
    }
    try {
      await this.client.sendReadReceipt(newest, privately ? ReceiptType.ReadPrivate : ReceiptType.Read);
    } catch (error) {
      throw toRembukError(error, 'room_not_found');
    }
  }

  /** Fails with user_not_found before anything is created if a Matrix ID has no account. */
  async requireUsers(userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      try {
        await this.client.getProfileInfo(userId);
      } catch (error) {
        throw toRembukError(error, 'user_not_found');
      }
    }
  }

  async create(name: string, topic: string | undefined, invite: readonly string[]): Promise<string> {
    const others = invite.filter((userId) => userId !== this.account.userId);
    await this.requireUsers(others);
    try {
      const { room_id: roomId } = await this.client.createRoom({
        name,
        ...(topic !== undefined && topic.length > 0 ? { topic } : {}),
        preset: Preset.PrivateChat,
        invite: others,
        initial_state: [ENCRYPTION_ON],
      });
      return roomId;
    } catch (error) {
      throw toRembukError(error);
    }
  }

  /** Opens the existing direct chat with that member, or starts one. */
  async createDirect(userId: string): Promise<string> {
    if (userId === this.account.userId) {
      throw new RembukError('invalid_user_id', 'cannot start a direct chat with yourself');
    }
    const client = this.client;
    const direct = client.getAccountData(EventType.Direct)?.getContent<Record<string, string[] | undefined>>() ?? {};
    const existing = (direct[userId] ?? []).find((roomId) => {
      const room = client.getRoom(roomId);
      return room?.getMyMembership() === KnownMembership.Join && room.getMember(userId)?.membership !== KnownMembership.Leave;
    });
    if (existing !== undefined) {
      return existing;
    }
    await this.requireUsers([userId]);
    try {
      const { room_id: roomId } = await client.createRoom({
        is_direct: true,
        preset: Preset.TrustedPrivateChat,
        invite: [userId],
        initial_state: [ENCRYPTION_ON],
      });
      await this.rememberDirect(userId, roomId);
      return roomId;
    } catch (error) {
      throw toRembukError(error);
    }
  }

  async invite(roomId: string, userId: string): Promise<void> {
    this.joinedRoom(roomId);
    await this.requireUsers([userId]);
    try {
      await this.client.invite(roomId, userId);
    } catch (error) {
      throw toRembukError(error, 'room_not_found');
    }
  }

  private invitedRoom(roomId: string): Room {
    const room = this.account.room(roomId);
    if (room?.getMyMembership() !== KnownMembership.Invite) {
      throw new RembukError('room_not_found');
    }
    return room;
  }

  async accept(roomId: string): Promise<void> {
    const room = this.invitedRoom(roomId);
    const invite = room.getMember(this.account.userId)?.events.member;
    try {
      await this.client.joinRoom(roomId);
      await this.joinedBySync(roomId);
      if (invite?.getContent<{ is_direct?: unknown }>().is_direct === true) {
        await this.rememberDirect(invite.getSender() ?? '', roomId);
      }
    } catch (error) {
      throw toRembukError(error, 'room_not_found');
    }
  }

  /**
   * Resolves once the client holds the room as joined, or after the timeout: the join itself
   * succeeded, so a slow sync is no failure (the room shows as joined when it arrives).
   */
  private joinedBySync(roomId: string): Promise<void> {
    const joined = (): boolean => this.account.room(roomId)?.getMyMembership() === KnownMembership.Join;
    if (joined()) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.client.off(RoomEvent.MyMembership, onMembership);
        resolve();
      };
      const onMembership = (room: Room): void => {
        if (room.roomId === roomId && joined()) {
          done();
        }
      };
      const timer = setTimeout(done, this.joinSyncTimeoutMs);
      this.client.on(RoomEvent.MyMembership, onMembership);
    });
  }

  async decline(roomId: string): Promise<void> {
    this.invitedRoom(roomId);
    try {
      await this.client.leave(roomId);
    } catch (error) {
      throw toRembukError(error, 'room_not_found');
    }
  }

  private async rememberDirect(userId: string, roomId: string): Promise<void> {
    const client = this.client;
    const direct = { ...(client.getAccountData(EventType.Direct)?.getContent<Record<string, string[]>>() ?? {}) };
    const rooms = direct[userId] ?? [];
    if (!rooms.includes(roomId)) {
      direct[userId] = [...rooms, roomId];
      await client.setAccountData(EventType.Direct, direct);
    }
  }
}
