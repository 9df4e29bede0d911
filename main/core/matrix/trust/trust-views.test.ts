import { describe, expect, it } from 'vitest';
import type { DeviceView, RoomMemberView } from '../../../../shared/model/security.ts';
import { sortDevices, sortMembers } from './trust-views.ts';

const device = (deviceId: string, displayName: string | null, thisDevice = false): DeviceView => ({
  deviceId,
  displayName,
  verified: 'unverified',
  thisDevice,
});
const member = (userId: string, displayName: string, membership: 'join' | 'invite' = 'join', own = false): RoomMemberView => ({
  userId,
  displayName,
  membership,
  verified: 'unknown',
  own,
});

describe('sortDevices', () => {
  it('puts this device first, then sorts by name and id', () => {
    const sorted = sortDevices([device('C', 'Laptop'), device('B', 'Desktop'), device('A', 'Laptop', true), device('D', null)]);
    expect(sorted.map((entry) => entry.deviceId)).toEqual(['A', 'D', 'B', 'C']);
  });
});

describe('sortMembers', () => {
  it('puts ourselves first, then joined before invited, then by name', () => {
    const sorted = sortMembers([member('@c:x', 'Citra', 'invite'), member('@b:x', 'Budi'), member('@z:x', 'Zaki', 'join', true), member('@a:x', 'Ani')]);
    expect(sorted.map((entry) => entry.userId)).toEqual(['@z:x', '@a:x', '@b:x', '@c:x']);
  });
});
