import { describe, expect, it } from 'vitest';
import type { VerificationView } from '../../../../shared/model/verification.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { createVerificationStore, currentVerification } from './verification-store.ts';

const item = (id: string, phase: VerificationView['phase']): VerificationView => ({
  id,
  phase,
  initiatedByMe: false,
  otherUserId: '@sari:example.org',
  otherDeviceId: 'DEVICE2',
  selfVerification: true,
  emoji: null,
  cancelReason: phase === 'cancelled' ? 'user' : null,
});

describe('currentVerification', () => {
  it('shows the newest one still going over finished ones', () => {
    expect(currentVerification([item('a', 'ready'), item('b', 'done')])?.id).toBe('a');
    expect(currentVerification([item('a', 'ready'), item('b', 'requested')])?.id).toBe('b');
  });

  it('shows a finished one until dismissed, and nothing when there is none', () => {
    expect(currentVerification([item('a', 'cancelled'), item('b', 'done')])?.id).toBe('b');
    expect(currentVerification([])).toBeNull();
  });
});

describe('verification store', () => {
  it('follows main and acts by id', async () => {
    const bridge = createFakeBridge();
    bridge.handle('verification:accept', () => ok(null));
    const verification = createVerificationStore(bridge);
    bridge.emit('verification:changed', [item('v1', 'requested')]);
    expect(verification.store.getState().items).toHaveLength(1);
    await verification.accept('v1');
    expect(bridge.callsTo('verification:accept')).toEqual([{ id: 'v1' }]);
    expect(verification.store.getState().error).toBeNull();
  });

  it('keeps a failed action as an error code', async () => {
    const bridge = createFakeBridge();
    bridge.handle('verification:startSas', () => ({ ok: false, error: { code: 'verification_not_found' } }));
    bridge.handle('verification:requestDevice', () => ({ ok: false, error: { code: 'network' } }));
    const verification = createVerificationStore(bridge);
    await verification.startSas('gone');
    expect(verification.store.getState().error).toBe('verification_not_found');
    await verification.requestDevice('DEVICE2');
    expect(verification.store.getState().error).toBe('network');
  });
});
