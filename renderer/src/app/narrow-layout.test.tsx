import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { coopView } from '../test/coop-fixtures.ts';
import { createFakeBridge, flush, ok } from '../test/fake-bridge.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { MainLayout } from './MainLayout.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const settle = (): Promise<void> =>
  act(async () => {
    await flush();
  });

/** layout.css shows a narrow window's list or its pane by this class; jsdom has no media queries, so the class is what is checked. */
const showing = (rendered: Rendered): string | undefined =>
  Array.from(rendered.container.querySelector('.layout')?.classList ?? []).find((name) => name.startsWith('showing-'));

describe('the layout of a narrow window', () => {
  it('shows the list until a co-op is open, then the co-op, and the list again from its back button', async () => {
    const bridge = createFakeBridge();
    bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
    bridge.handle('coop:list', () => ok([{ roomId: '!coop:x', name: 'Koperasi Tani', openProposals: 0 }]));
    bridge.handle('coop:get', ({ roomId }) => ok(coopView({ roomId })));
    const app = createTestApp(bridge);
    await app.stores.coop.start();
    view = render(<MainLayout />, app.stores);
    expect(showing(view)).toBe('showing-list');

    await click(view.byTestId('tab-coop'));
    expect(showing(view)).toBe('showing-list');
    await click(view.byTestId('coop-row').querySelector('button')!);
    await settle();
    expect(showing(view)).toBe('showing-pane');

    await click(view.byTestId('back-to-list'));
    expect(showing(view)).toBe('showing-list');
    expect(app.stores.coop.store.getState().selectedRoomId).toBeNull();
  });

  it('shows the pane while the WhatsApp import is open', () => {
    const bridge = createFakeBridge();
    bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
    const app = createTestApp(bridge);
    view = render(<MainLayout />, app.stores);
    act(() => {
      app.stores.imports.show();
    });
    expect(showing(view)).toBe('showing-pane');
    act(() => {
      app.stores.imports.hide();
    });
    expect(showing(view)).toBe('showing-list');
  });
});
