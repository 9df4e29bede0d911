import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { SettingsDialog } from './SettingsDialog.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('SettingsDialog', () => {
  it('switches private read receipts', async () => {
    const bridge = createFakeBridge();
    bridge.handle('settings:get', () => ok({ language: null, privateReceipts: false }));
    bridge.handle('settings:setPrivateReceipts', ({ privateReceipts }) => ok({ language: null, privateReceipts }));
    const app = createTestApp(bridge);
    await app.stores.settings.load();
    view = render(<SettingsDialog onClose={() => undefined} />, app.stores);
    const toggle = view.byTestId('settings-private-receipts') as HTMLInputElement;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.checked).toBe(false);
    expect(toggle.closest('label')?.textContent).toContain('Tanda dibaca pribadi');
    await click(toggle);
    expect(bridge.callsTo('settings:setPrivateReceipts')).toEqual([{ privateReceipts: true }]);
    expect(toggle.checked).toBe(true);
  });

  it('lists the keyboard shortcuts', () => {
    const app = createTestApp(createFakeBridge());
    view = render(<SettingsDialog onClose={() => undefined} />, app.stores, 'en');
    expect(view.container.ownerDocument.body.textContent).toContain('Keyboard shortcuts');
    const rows = Array.from(view.byTestId('shortcuts').querySelectorAll('dt')).map((dt) => dt.textContent);
    expect(rows).toEqual(['Enter', 'Shift + Enter', '↑', 'Esc', '@', 'Shift + F10', 'PageUp', 'PageDown', 'Home', 'End']);
    expect(view.byTestId('shortcuts').textContent).toContain('Edit your last message (when the composer is empty)');
  });
});
