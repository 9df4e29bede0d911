import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { catalogues } from '../i18n/i18n.ts';
import { createFakeBridge, ok } from '../test/fake-bridge.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render, type } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { MatrixIdDialog } from './MatrixIdDialog.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const setup = () => {
  const sent: string[] = [];
  let answer: (result: IpcResult<unknown>) => void = () => undefined;
  let closed = 0;
  view = render(
    <MatrixIdDialog
      title="Judul"
      label="ID Matrix"
      fieldTestId="id-field"
      submitTestId="id-submit"
      submitLabel="Kirim"
      busyLabel="Mengirim"
      onSubmit={(userId) => {
        sent.push(userId);
        return new Promise((resolve) => (answer = resolve));
      }}
      onClose={() => (closed += 1)}
    />,
    createTestApp(createFakeBridge()).stores,
  );
  const reply = (result: IpcResult<unknown>): Promise<void> =>
    act(async () => {
      answer(result);
      await Promise.resolve();
    });
  return { view, sent, reply, closed: () => closed };
};

describe('MatrixIdDialog', () => {
  it('refuses an invalid Matrix ID without sending it', async () => {
    const { view, sent } = setup();
    expect(view.byTestId('id-field').closest('label')?.textContent).toBe('ID Matrix');
    type(view.byTestId('id-field'), 'budi');
    await click(view.byTestId('id-submit'));
    expect(sent).toEqual([]);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(catalogues.id.errors.invalid_user_id);
  });

  it('sends the trimmed ID, is busy meanwhile and closes when it succeeds', async () => {
    const { view, sent, reply, closed } = setup();
    type(view.byTestId('id-field'), ' @budi:example.org ');
    await click(view.byTestId('id-submit'));
    expect(sent).toEqual(['@budi:example.org']);
    const submit = view.byTestId('id-submit') as HTMLButtonElement;
    expect([submit.disabled, submit.textContent]).toEqual([true, 'Mengirim']);
    await reply(ok(null));
    expect(closed()).toBe(1);
  });

  it('shows the error of a failed request and stays open', async () => {
    const { view, reply, closed } = setup();
    type(view.byTestId('id-field'), '@budi:example.org');
    await click(view.byTestId('id-submit'));
    await reply({ ok: false, error: { code: 'user_not_found' } });
    expect(closed()).toBe(0);
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(catalogues.id.errors.user_not_found);
    const submit = view.byTestId('id-submit') as HTMLButtonElement;
    expect([submit.disabled, submit.textContent]).toEqual([false, 'Kirim']);
  });
});
