import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../../test/fake-bridge.ts';
import { session } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('ConnectionBanner', () => {
  it('shows progress while syncing, a message offline and nothing online', () => {
    const bridge = createFakeBridge();
    const app = createTestApp(bridge);
    app.stores.session.store.setState({ status: 'signedIn', session });
    view = render(<ConnectionBanner />, app.stores);
    expect(view.allByTestId('connection-banner')).toHaveLength(0);

    act(() => {
      bridge.emit('connection:changed', { state: 'syncing', roomsLoaded: 12 });
    });
    expect(view.byTestId('connection-banner').dataset.state).toBe('syncing');
    expect(view.byTestId('connection-banner').textContent).toContain('12');

    act(() => {
      bridge.emit('connection:changed', { state: 'offline', since: Date.now() });
    });
    expect(view.byTestId('connection-banner').dataset.state).toBe('offline');

    act(() => {
      bridge.emit('connection:changed', { state: 'online' });
    });
    expect(view.allByTestId('connection-banner')).toHaveLength(0);
  });

  it("says when Rembuk's core is unreachable, even signed out", () => {
    const app = createTestApp(createFakeBridge(), 'closed');
    view = render(<ConnectionBanner />, app.stores, 'en');
    expect(view.byTestId('connection-banner').dataset.state).toBe('disconnected');
    expect(view.byTestId('connection-banner').textContent).toBe("Disconnected from Rembuk's core. Reconnecting…");
  });
});
