import { KnownMembership, type MatrixClient } from 'matrix-js-sdk';
import type { CryptoApi } from 'matrix-js-sdk/lib/crypto-api/index.js';
import type { Device } from 'matrix-js-sdk';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import type { DeviceView, RoomMemberView, TrustState } from '../../../../shared/model/security.ts';

/** Devices sorted for a list: this one first, then by name, then by id. */
export const sortDevices = (devices: DeviceView[]): DeviceView[] =>
  [...devices].sort((a, b) => {
    if (a.thisDevice !== b.thisDevice) {
      return a.thisDevice ? -1 : 1;
    }
    return (a.displayName ?? '').localeCompare(b.displayName ?? '') || a.deviceId.localeCompare(b.deviceId);
  });

/** Members sorted for a list: ourselves first, then joined before invited, then by name. */
export const sortMembers = (members: RoomMemberView[]): RoomMemberView[] =>
  [...members].sort((a, b) => {
    if (a.own !== b.own) {
      return a.own ? -1 : 1;
    }
    if (a.membership !== b.membership) {
      return a.membership === 'join' ? -1 : 1;
    }
    return a.displayName.localeCompare(b.displayName) || a.userId.localeCompare(b.userId);
  });

const requireCrypto = (client: MatrixClient): CryptoApi => {
  const crypto = client.getCrypto();
  if (crypto === undefined) {
    throw new RembukError('encryption_unavailable');
  }
  return crypto;
};

/** The member's own devices that have encryption keys, each with whether this device trusts it. */
export const ownDevices = async (client: MatrixClient, userId: string, deviceId: string): Promise<DeviceView[]> => {
  const crypto = requireCrypto(client);
  const devices = (await crypto.getUserDeviceInfo([userId], true)).get(userId) ?? new Map<string, Device>();
  const views = await Promise.all(
    [...devices.values()].map(async (device): Promise<DeviceView> => {
      const status = await crypto.getDeviceVerificationStatus(userId, device.deviceId);
      const verified: TrustState = status === null ? 'unknown' : status.isVerified() ? 'verified' : 'unverified';
      return { deviceId: device.deviceId, displayName: device.displayName ?? null, verified, thisDevice: device.deviceId === deviceId };
    }),
  );
  return sortDevices(views);
};

/**
 * Whether we trust a member: `verified` once their cross-signing identity is verified
 * (by us, or for ourselves by our own keys), `unknown` when they have no identity to verify.
 */
export const userTrust = async (crypto: CryptoApi, userId: string): Promise<TrustState> => {
  if (!(await crypto.userHasCrossSigningKeys(userId))) {
    return 'unknown';
  }
  return (await crypto.getUserVerificationStatus(userId)).isCrossSigningVerified() ? 'verified' : 'unverified';
};

export const roomMembers = async (client: MatrixClient, roomId: string, userId: string): Promise<RoomMemberView[]> => {
  const room = client.getRoom(roomId);
  if (room === null) {
    throw new RembukError('room_not_found');
  }
  const crypto = requireCrypto(client);
  // Members are lazy-loaded: a room opened once has only those who spoke recently.
  await room.loadMembersIfNeeded();
  const members = room.getMembers().filter((member) => member.membership === KnownMembership.Join || member.membership === KnownMembership.Invite);
  const views = await Promise.all(
    members.map(async (member): Promise<RoomMemberView> => ({
      userId: member.userId,
      displayName: member.name,
      membership: member.membership === KnownMembership.Join ? 'join' : 'invite',
      verified: await userTrust(crypto, member.userId),
      own: member.userId === userId,
    })),
  );
  return sortMembers(views);
};
