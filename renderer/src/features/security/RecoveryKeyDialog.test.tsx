import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeBridge } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { RecoveryKeyDialog } from './RecoveryKeyDialog.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const KEY = 'EsTx 1234 abcd';

describe('RecoveryKeyDialog', () => {
  it('shows the key with the warnings, copies it, and closes only once the member confirms it is saved', async () => {
    const app = createTestApp(createFakeBridge());
    app.stores.security.store.setState({ recoveryKey: KEY });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    view = render(<RecoveryKeyDialog />, app.stores, 'en');

    expect(view.byTestId('recovery-key').textContent).toBe(KEY);
    expect(view.container.textContent).toContain('Anyone who has this key can read your messages');
    expect(view.container.textContent).toContain('cannot be recovered');

    await click(view.byTestId('recovery-key-copy'));
    expect(writeText).toHaveBeenCalledWith(KEY);
    expect(view.byTestId('recovery-key-copy').textContent).toBe('Copied');

    // Neither Escape nor a click outside loses the key.
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    });
    expect(app.stores.security.store.getState().recoveryKey).toBe(KEY);

    const done = view.byTestId('recovery-key-done') as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    await click(view.byTestId('recovery-key-saved'));
    expect(done.disabled).toBe(false);
    await click(done);
    expect(app.stores.security.store.getState().recoveryKey).toBeNull();
    expect(view.allByTestId('recovery-key-dialog')).toHaveLength(0);
  });

  it('is titled in Bahasa Indonesia first', () => {
    const app = createTestApp(createFakeBridge());
    app.stores.security.store.setState({ recoveryKey: KEY });
    view = render(<RecoveryKeyDialog />, app.stores);
    expect(view.byTestId('recovery-key-dialog').textContent).toContain('Kunci pemulihan');
  });
});
