import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerificationView } from '../../../../shared/model/verification.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { VerificationDialog } from './VerificationDialog.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const showing: VerificationView = {
  id: 'v1',
  phase: 'showingSas',
  initiatedByMe: true,
  otherUserId: '@sari:example.org',
  otherDeviceId: 'DEVICE2',
  selfVerification: true,
  emoji: [
    { symbol: '🐶', name: 'Dog', key: 'dog' },
    { symbol: '👍', name: 'Thumbs Up', key: 'thumbsUp' },
    { symbol: '🦖', name: 'Dinosaur', key: null },
  ],
  cancelReason: null,
};

describe('VerificationDialog', () => {
  it('shows the emoji with their Indonesian and English names, and confirms a match', async () => {
    const bridge = createFakeBridge();
    bridge.handle('verification:confirm', () => ok(null));
    const app = createTestApp(bridge);
    view = render(<VerificationDialog />, app.stores);
    expect(view.allByTestId('verification-dialog')).toHaveLength(0);

    act(() => {
      bridge.emit('verification:changed', [showing]);
    });
    const items = view.allByTestId('sas-emoji-item');
    expect(items.map((item) => item.dataset.key)).toEqual(['dog', 'thumbsUp', 'Dinosaur']);
    expect(items[0]?.textContent).toBe('🐶AnjingDog');
    expect(items[1]?.textContent).toBe('👍JempolThumbs Up');
    expect(items[2]?.textContent).toBe('🦖Dinosaur');

    await click(view.byTestId('verification-match'));
    expect(bridge.callsTo('verification:confirm')).toEqual([{ id: 'v1' }]);
  });

  it('offers accepting an incoming request, and says why one was cancelled', async () => {
    const bridge = createFakeBridge();
    bridge.handle('verification:accept', () => ok(null));
    const app = createTestApp(bridge);
    view = render(<VerificationDialog />, app.stores, 'en');
    act(() => {
      bridge.emit('verification:changed', [{ ...showing, phase: 'requested', initiatedByMe: false, emoji: null }]);
    });
    expect(view.byTestId('verification-body').textContent).toContain('Another of your devices (DEVICE2) wants to verify this one.');
    await click(view.byTestId('verification-accept'));
    expect(bridge.callsTo('verification:accept')).toEqual([{ id: 'v1' }]);

    act(() => {
      bridge.emit('verification:changed', [{ ...showing, phase: 'cancelled', emoji: null, cancelReason: 'mismatch' }]);
    });
    expect(view.byTestId('verification-body').textContent).toContain('The emoji did not match');
  });
});
