import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from '../test/fake-bridge.ts';
import type { Rendered } from '../test/render.tsx';
import { click, render } from '../test/render.tsx';
import { createTestApp } from '../test/test-app.ts';
import { MenuButton } from './MenuButton.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const setup = () => {
  const chosen: string[] = [];
  const item = (id: string) => ({ label: `Item ${id}`, testId: `item-${id}`, onSelect: () => chosen.push(id) });
  view = render(
    <MenuButton label="Baru" icon={<span>+</span>} testId="menu" items={[item('a'), item('b'), item('c')]} />,
    createTestApp(createFakeBridge()).stores,
  );
  const key = (key: string, target: Element | null = document.activeElement): void => {
    act(() => {
      target?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    });
  };
  const menu = (): HTMLElement | null => view!.container.querySelector('[role="menu"]');
  const focusedId = (): string | undefined => (document.activeElement as HTMLElement | null)?.dataset.testid;
  return { view, chosen, key, menu, focusedId };
};

describe('MenuButton', () => {
  it('is an icon button with a name and a tooltip that says it opens a menu', () => {
    const { view, menu } = setup();
    const button = view.byTestId('menu');
    expect(button.getAttribute('aria-label')).toBe('Baru');
    expect(button.title).toBe('Baru');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(menu()).toBeNull();
  });

  it('opens on click with focus on the first item; the arrows wrap, Home and End jump', async () => {
    const { view, key, menu, focusedId } = setup();
    await click(view.byTestId('menu'));
    expect(view.byTestId('menu').getAttribute('aria-expanded')).toBe('true');
    expect(menu()?.getAttribute('aria-label')).toBe('Baru');
    expect([...menu()!.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent)).toEqual(['Item a', 'Item b', 'Item c']);
    expect(focusedId()).toBe('item-a');
    key('ArrowDown');
    expect(focusedId()).toBe('item-b');
    key('ArrowUp');
    key('ArrowUp');
    expect(focusedId()).toBe('item-c');
    key('ArrowDown');
    expect(focusedId()).toBe('item-a');
    key('End');
    expect(focusedId()).toBe('item-c');
    key('Home');
    expect(focusedId()).toBe('item-a');
  });

  it('opens from the keyboard on the first item with ArrowDown and on the last with ArrowUp', () => {
    const { view, key, focusedId } = setup();
    key('ArrowDown', view.byTestId('menu'));
    expect(focusedId()).toBe('item-a');
    key('Escape');
    key('ArrowUp', view.byTestId('menu'));
    expect(focusedId()).toBe('item-c');
  });

  it('closes on Escape without choosing, and focus goes back to the button', async () => {
    const { view, key, menu, chosen, focusedId } = setup();
    await click(view.byTestId('menu'));
    let windowSawEscape = false;
    const onWindowKey = (): void => {
      windowSawEscape = true;
    };
    window.addEventListener('keydown', onWindowKey);
    key('Escape');
    window.removeEventListener('keydown', onWindowKey);
    expect(menu()).toBeNull();
    expect(focusedId()).toBe('menu');
    expect(chosen).toEqual([]);
    // A dialog listening on the window must not close too.
    expect(windowSawEscape).toBe(false);
  });

  it('runs the chosen item and closes, with focus on the button for the dialog it opens', async () => {
    const { view, menu, chosen, focusedId } = setup();
    await click(view.byTestId('menu'));
    await click(view.byTestId('item-b'));
    expect(chosen).toEqual(['b']);
    expect(menu()).toBeNull();
    expect(focusedId()).toBe('menu');
  });

  it('closes on a click outside', async () => {
    const { view, menu } = setup();
    await click(view.byTestId('menu'));
    act(() => {
      document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    expect(menu()).toBeNull();
  });
});
