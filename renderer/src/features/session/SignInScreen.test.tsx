import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import type { SessionView } from '../../../../shared/model/session.ts';
import { catalogues } from '../../i18n/i18n.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render, type } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { SignInScreen } from './SignInScreen.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

describe('SignInScreen', () => {
  it('labels every field and shows a translated error from main', async () => {
    const bridge = createFakeBridge();
    let answer: (result: IpcResult<SessionView>) => void = () => undefined;
    bridge.handle('session:signIn', () => new Promise((resolve) => (answer = resolve)));
    const app = createTestApp(bridge);
    view = render(<SignInScreen />, app.stores);

    for (const id of ['signin-homeserver', 'signin-username', 'signin-password']) {
      expect(view.byTestId(id).closest('label')?.textContent).not.toBe('');
    }
    expect(view.byTestId('signin-homeserver').getAttribute('placeholder')).toBe('https://matrix.example.org');
    type(view.byTestId('signin-homeserver'), ' https://matrix.example.org ');
    type(view.byTestId('signin-username'), 'sari');
    type(view.byTestId('signin-password'), 'rahasia');
    await click(view.byTestId('signin-submit'));

    expect(bridge.callsTo('session:signIn')).toEqual([{ homeserverUrl: 'https://matrix.example.org', username: 'sari', password: 'rahasia' }]);
    expect((view.byTestId('signin-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(view.byTestId('signin-submit').textContent).toBe(catalogues.id.signIn.busy);

    await act(async () => {
      answer({ ok: false, error: { code: 'wrong_password' } });
      await Promise.resolve();
    });
    const error = view.byTestId('signin-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(catalogues.id.errors.wrong_password);
    expect((view.byTestId('signin-submit') as HTMLButtonElement).disabled).toBe(false);
  });

  it('clears the error on success', async () => {
    const bridge = createFakeBridge();
    bridge.handle('session:signIn', () => ok({ userId: '@s:x', deviceId: 'D', homeserverUrl: 'https://x', displayName: 'S' }));
    const app = createTestApp(bridge);
    app.stores.session.store.setState({ error: 'network' });
    view = render(<SignInScreen />, app.stores, 'en');
    expect(view.byTestId('signin-error').textContent).toBe(catalogues.en.errors.network);
    type(view.byTestId('signin-homeserver'), 'https://x');
    type(view.byTestId('signin-username'), 's');
    type(view.byTestId('signin-password'), 'p');
    await click(view.byTestId('signin-submit'));
    expect(view.allByTestId('signin-error')).toHaveLength(0);
  });
});
