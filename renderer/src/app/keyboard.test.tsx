import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomListEntry } from '../../../shared/model/room.ts';
import { createFakeBridge, flush, ok } from '../test/fake-bridge.ts';
import { roomEntry } from '../test/fixtures.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render, type } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { MainLayout } from './MainLayout.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const rooms: RoomListEntry[] = [
  roomEntry('!inv:x', { name: 'Undangan', membership: 'invite' }),
  roomEntry('!a:x', { name: 'Rapat Pengurus' }),
  roomEntry('!b:x', { name: 'Koperasi Tani', encrypted: true }),
  roomEntry('!c:x', { name: 'Arisan' }),
];

const setup = async () => {
  const bridge = createFakeBridge();
  bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
  bridge.handle('coop:list', () => ok([]));
  const app = createTestApp(bridge);
  await app.stores.rooms.start();
  view = render(<MainLayout />, app.stores);
  act(() => {
    bridge.emit('rooms:batch', { subscription: 'r1', seq: 0, ops: [{ op: 'reset', values: rooms }] });
  });
  const press = async (key: string, modifiers: KeyboardEventInit = {}, target: EventTarget = document.activeElement ?? document.body): Promise<boolean> => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
    await act(async () => {
      target.dispatchEvent(event);
      await flush();
    });
    return event.defaultPrevented;
  };
  const selected = (): string | null => app.stores.rooms.store.getState().selectedRoomId;
  const switcher = (): HTMLElement | null => document.querySelector('[data-testid="room-switcher"]');
  const options = (): string[] =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="room-switcher-option"]')].map((option) => option.dataset.roomId ?? '');
  const activeOption = (): string | undefined =>
    document.querySelector<HTMLElement>('[data-testid="room-switcher-option"][aria-selected="true"]')?.dataset.roomId;
  return { app, view, press, selected, switcher, options, activeOption };
};

describe('Alt+Up and Alt+Down', () => {
  it('move to the next and previous room of the list, skipping invites and stopping at the ends', async () => {
    const { press, selected } = await setup();
    expect(await press('ArrowDown', { altKey: true })).toBe(true);
    expect(selected()).toBe('!a:x');
    await press('ArrowDown', { altKey: true });
    await press('ArrowDown', { altKey: true });
    expect(selected()).toBe('!c:x');
    await press('ArrowDown', { altKey: true });
    expect(selected()).toBe('!c:x');
    await press('ArrowUp', { altKey: true });
    expect(selected()).toBe('!b:x');
  });

  it('do nothing while the Co-op tab hides the list, or without Alt', async () => {
    const { app, press, selected } = await setup();
    expect(await press('ArrowDown')).toBe(false);
    act(() => {
      app.stores.coop.showTab('coop');
    });
    expect(await press('ArrowDown', { altKey: true })).toBe(false);
    expect(selected()).toBeNull();
  });
});

describe('Ctrl+K', () => {
  it('opens the switcher on every room one can open, the field focused; Escape closes it', async () => {
    const { press, switcher, options, activeOption } = await setup();
    expect(await press('k', { ctrlKey: true })).toBe(true);
    expect(switcher()?.getAttribute('role')).toBe('dialog');
    expect(switcher()?.getAttribute('aria-labelledby')).toBeTruthy();
    const input = document.querySelector<HTMLElement>('[data-testid="room-switcher-input"]')!;
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('role')).toBe('combobox');
    expect(document.querySelector('[role="listbox"]')?.id).toBe(input.getAttribute('aria-controls'));
    expect(options()).toEqual(['!a:x', '!b:x', '!c:x']);
    expect(activeOption()).toBe('!a:x');
    expect(input.getAttribute('aria-activedescendant')).toBe(document.querySelector('[role="option"][aria-selected="true"]')?.id);
    await press('Escape');
    expect(switcher()).toBeNull();
  });

  it('filters as one types, moves with the arrows and opens the highlighted room with Enter', async () => {
    const { press, selected, switcher, options, activeOption } = await setup();
    await press('k', { metaKey: true });
    const input = document.querySelector<HTMLElement>('[data-testid="room-switcher-input"]')!;
    type(input, 'a');
    // Names that start with it first.
    expect(options()).toEqual(['!c:x', '!a:x', '!b:x']);
    type(input, 'ra');
    expect(options()).toEqual(['!a:x', '!b:x']);
    await press('ArrowDown');
    expect(activeOption()).toBe('!b:x');
    await press('ArrowDown');
    expect(activeOption()).toBe('!a:x');
    await press('ArrowUp');
    await press('Enter');
    expect(selected()).toBe('!b:x');
    expect(switcher()).toBeNull();
  });

  it('says when nothing matches, and opens a room on a click', async () => {
    const { press, selected, options } = await setup();
    await press('k', { ctrlKey: true });
    const input = document.querySelector<HTMLElement>('[data-testid="room-switcher-input"]')!;
    type(input, 'zzz');
    expect(options()).toEqual([]);
    expect(document.querySelector('[data-testid="room-switcher"] [role="status"]')?.textContent).toBe('Tidak ada percakapan yang cocok.');
    await press('Enter');
    expect(selected()).toBeNull();
    type(input, 'arisan');
    await click(document.querySelector<HTMLElement>('[data-testid="room-switcher-option"]')!);
    expect(selected()).toBe('!c:x');
  });

  it('from the Co-op tab, brings the Chats tab back with the chosen room', async () => {
    const { app, press, selected } = await setup();
    act(() => {
      app.stores.coop.showTab('coop');
    });
    await press('k', { ctrlKey: true });
    await press('Enter');
    expect(selected()).toBe('!a:x');
    expect(app.stores.coop.store.getState().tab).toBe('chats');
  });

  it('is left to a dialog that is already open', async () => {
    const { view, press, switcher } = await setup();
    await click(view.byTestId('settings-open'));
    expect(await press('k', { ctrlKey: true })).toBe(false);
    expect(switcher()).toBeNull();
  });
});
