import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../test/fake-bridge.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { Sidebar } from './Sidebar.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const setup = async (language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
  const app = createTestApp(bridge);
  await app.stores.rooms.start();
  view = render(<Sidebar />, app.stores, language);
  const menuItems = (): string[] => [...view!.container.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent);
  return { app, view, menuItems };
};

describe('the room list header', () => {
  it('has the title, one "+" menu and the settings button, all labelled in the language shown', async () => {
    const { view } = await setup('en');
    const header = view.container.querySelector('.sidebar-header')!;
    expect(header.querySelector('h1')?.textContent).toBe('Chats');
    expect([...header.querySelectorAll('button')].map((button) => [button.dataset.testid, button.getAttribute('aria-label'), button.title])).toEqual([
      ['new-menu', 'New room, chat or import', 'New room, chat or import'],
      ['settings-open', 'Settings', 'Settings'],
    ]);
    // The four actions no longer stand as buttons of their own.
    expect(view.allByTestId('new-room')).toHaveLength(0);
  });

  it('offers the four ways to a new conversation, in Bahasa Indonesia first', async () => {
    const { view, menuItems } = await setup();
    await click(view.byTestId('new-menu'));
    expect(menuItems()).toEqual(['Ruang baru', 'Obrolan langsung baru', 'Gabung lewat tautan', 'Impor dari WhatsApp']);
  });

  it.each([
    ['new-room', 'new-room-name'],
    ['new-dm', 'new-dm-user'],
    ['join-link', 'join-link-input'],
  ])('%s opens its dialog', async (item, field) => {
    const { view } = await setup();
    await click(view.byTestId('new-menu'));
    await click(view.byTestId(item));
    expect(view.container.querySelector('[role="menu"]')).toBeNull();
    expect(view.allByTestId(field)).toHaveLength(1);
  });

  it('import-open opens the WhatsApp import', async () => {
    const { app, view } = await setup();
    await click(view.byTestId('new-menu'));
    await click(view.byTestId('import-open'));
    expect(app.stores.imports.store.getState().open).toBe(true);
  });
});
