import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { render, type } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { Composer } from './Composer.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const key = async (element: HTMLElement, init: KeyboardEventInit): Promise<void> => {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await Promise.resolve();
  });
};

describe('Composer', () => {
  it('sends on Enter but not on Shift+Enter', async () => {
    const bridge = createFakeBridge();
    bridge.handle('draft:get', () => ok(''));
    bridge.handle('draft:set', () => ok(null));
    bridge.handle('message:send', () => ok({ itemId: 'l1' }));
    const app = createTestApp(bridge);
    await app.stores.composer.load('!a:x');
    view = render(<Composer />, app.stores);
    const input = view.byTestId('composer');
    expect(input.id).not.toBe('');
    expect(view.container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Tulis pesan');

    type(input, 'halo');
    await key(input, { key: 'Enter', shiftKey: true });
    expect(bridge.callsTo('message:send')).toEqual([]);
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'halo' }]);
    expect((input as HTMLTextAreaElement).value).toBe('');
  });
});
