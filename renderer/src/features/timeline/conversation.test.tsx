import { act } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { message, timelineBatch } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { installScrollStubs, mockListSizes } from '../../test/virtual-list.ts';
import { RoomView } from './RoomView.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());
installScrollStubs();

const settle = async (): Promise<void> => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
};

const details: RoomDetails = {
  id: '!a:x',
  name: 'Rapat',
  topic: null,
  memberCount: 3,
  isDirect: false,
  encrypted: true,
  canInvite: true,
  canRedactOthers: false,
  canMentionRoom: true,
  linkPreviews: false,
};

/** The whole room view (timeline and composer) on a fake bridge, with `items` in the window. */
const setup = async (items: TimelineItem[], extra: Partial<RoomDetails> = {}, language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  bridge.handle('timeline:subscribe', () => ok({ subscription: 't1' }));
  bridge.handle('room:details', () => ok({ ...details, ...extra }));
  bridge.handle('room:markRead', () => ok(null));
  bridge.handle('timeline:viewport', () => ok(null));
  bridge.handle('timeline:paginate', () => ok(app.stores.timeline.store.getState().window));
  bridge.handle('timeline:jump', () => ok({ found: true }));
  bridge.handle('draft:get', () => ok(''));
  bridge.handle('draft:set', () => ok(null));
  bridge.handle('message:send', () => ok({ itemId: 'l1' }));
  bridge.handle('message:edit', () => ok(null));
  bridge.handle('message:redact', () => ok(null));
  bridge.handle('message:react', () => ok({ reacted: true }));
  bridge.handle('room:typing', () => ok(null));
  bridge.handle('message:versions', () =>
    ok([
      { body: 'rapat jam 9', ts: 1_700_000_000_000 },
      { body: 'rapat jam 10', ts: 1_700_000_060_000 },
    ]),
  );
  const app = createTestApp(bridge);
  await app.stores.timeline.open('!a:x');
  await app.stores.composer.load('!a:x');
  act(() => {
    bridge.emit('timeline:batch', timelineBatch('t1', 0, [{ op: 'reset', values: items }]));
  });
  view = render(
    <VirtuosoMockContext value={mockListSizes}>
      <RoomView roomId="!a:x" />
    </VirtuosoMockContext>,
    app.stores,
    language,
  );
  await settle();
  return { bridge, view, app };
};

const frameOf = (rendered: Rendered, itemId: string): HTMLElement =>
  rendered.container.querySelector<HTMLElement>(`[data-item-id="${itemId}"]`)!.closest<HTMLElement>('[data-testid="message-frame"]')!;

const within = (element: HTMLElement, testId: string): HTMLElement => {
  const found = element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (found === null) {
    throw new Error(`no ${testId}`);
  }
  return found;
};

const key = async (element: HTMLElement, init: KeyboardEventInit): Promise<void> => {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await flush();
  });
};

const own = (id: string, extra: Partial<Extract<TimelineItem, { kind: 'message' }>> = {}) =>
  message(id, { own: true, sender: '@sari:example.org', senderName: 'Sari', canEdit: true, canRedact: true, ...extra });

describe('message actions', () => {
  it('offers reply and react on every message, edit and delete only where allowed', async () => {
    const { view } = await setup([message('m1'), own('m2')]);
    const toolbar = (id: string): string[] =>
      Array.from(within(frameOf(view, id), 'message-toolbar').querySelectorAll('button')).map((button) => button.getAttribute('aria-label') ?? '');
    expect(toolbar('m1')).toEqual(['Balas', 'Beri reaksi', 'Lainnya']);
    expect(toolbar('m2')).toEqual(['Balas', 'Beri reaksi', 'Sunting', 'Hapus', 'Lainnya']);
    expect(within(frameOf(view, 'm1'), 'message-toolbar').getAttribute('role')).toBe('toolbar');
    expect(frameOf(view, 'm1').tabIndex).toBe(0);
  });

  it('reacts from the quick row of the react popover', async () => {
    const { bridge, view } = await setup([message('m1')]);
    await click(within(frameOf(view, 'm1'), 'action-react'));
    const quick = view.allByTestId('quick-emoji');
    expect(quick.map((button) => button.textContent)).toEqual(['👍', '❤️', '😂', '😮', '😢', '🙏']);
    expect(document.activeElement).toBe(quick[0]);
    await click(quick[1]!);
    expect(bridge.callsTo('message:react')).toEqual([{ roomId: '!a:x', eventId: '$m1', key: '❤️' }]);
    expect(view.allByTestId('react-popover')).toHaveLength(0);
  });

  it('opens the same actions as a menu on Shift+F10, moves with arrows and runs with a click', async () => {
    const { view } = await setup([own('m2')]);
    const frame = frameOf(view, 'm2');
    frame.focus();
    await key(frame, { key: 'F10', shiftKey: true });
    const menu = view.byTestId('message-menu');
    expect(menu.getAttribute('role')).toBe('menu');
    const items = Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]'));
    expect(items.map((item) => item.textContent)).toEqual(['Balas', 'Beri reaksi', 'Sunting', 'Hapus', 'Balas di utas']);
    expect(document.activeElement).toBe(items[0]);
    await key(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    await key(menu, { key: 'ArrowUp' });
    await key(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items.at(-1));
    await key(menu, { key: 'Escape' });
    expect(view.allByTestId('message-menu')).toHaveLength(0);
    expect(document.activeElement).toBe(frame);
    // A right click opens it too.
    await act(async () => {
      frame.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
      await flush();
    });
    await click(view.byTestId('menu-delete'));
    expect(view.container.ownerDocument.querySelector('[role="dialog"] h2')?.textContent).toBe('Hapus pesan ini?');
  });

  it('lists "edit history" in the menu of an edited message', async () => {
    const { view } = await setup([message('m1', { edited: true })]);
    await click(within(frameOf(view, 'm1'), 'action-more'));
    expect(view.byTestId('menu-versions').textContent).toBe('Riwayat suntingan');
  });
});

describe('replies', () => {
  it('answers a message: the banner names it, Esc cancels, and send carries replyTo', async () => {
    const { bridge, view } = await setup([message('m1', { body: 'Rapat besok jam 9' })]);
    await click(within(frameOf(view, 'm1'), 'action-reply'));
    const banner = view.byTestId('composer-banner');
    expect(banner.textContent).toContain('Membalas Budi');
    expect(banner.textContent).toContain('Rapat besok jam 9');
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(input);
    await key(input, { key: 'Escape' });
    expect(view.allByTestId('composer-banner')).toHaveLength(0);

    await click(within(frameOf(view, 'm1'), 'action-reply'));
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, 'siap');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'siap', replyTo: '$m1' }]);
    expect(view.allByTestId('composer-banner')).toHaveLength(0);
  });

  it('quotes the original above a reply and jumps to it on click', async () => {
    const { bridge, view } = await setup([
      message('m1', { replyTo: { eventId: '$old', senderName: 'Sari', excerpt: 'siapa yang bawa proyektor?', deleted: false } }),
      message('m2', { replyTo: { eventId: '$gone', senderName: 'Budi', excerpt: null, deleted: true } }),
      message('m3', { replyTo: { eventId: '$far', senderName: null, excerpt: null, deleted: false } }),
    ]);
    const quotes = view.allByTestId('reply-quote');
    expect(quotes.map((quote) => quote.textContent)).toEqual(['Sarisiapa yang bawa proyektor?', 'BudiPesan dihapus', 'Pesan asli tidak tersedia']);
    expect(quotes[0]!.tagName).toBe('BUTTON');
    expect(quotes[0]!.getAttribute('aria-label')).toBe('Ke pesan asli dari Sari');
    await click(quotes[0]!);
    expect(bridge.callsTo('timeline:jump')).toEqual([{ subscription: 't1', eventId: '$old' }]);
  });

  it('says "original message not available" in English too', async () => {
    const { view } = await setup([message('m1', { replyTo: { eventId: '$far', senderName: null, excerpt: null, deleted: false } })], {}, 'en');
    expect(view.byTestId('reply-quote').textContent).toBe('Original message not available');
  });
});

describe('reactions', () => {
  it('shows chips with counts, mine pressed, who reacted in the tooltip, and toggles on click', async () => {
    const senders = ['Budi', 'Sari', 'Ani', 'Dewi', 'Eko', 'Fajar', 'Gita'];
    const { bridge, view } = await setup([
      message('m1', {
        reactions: [
          { key: '👍', count: 9, senders, mine: true },
          { key: '🎉', count: 1, senders: ['Budi'], mine: false },
        ],
      }),
    ]);
    const chips = view.allByTestId('reaction-chip');
    expect(chips.map((chip) => chip.textContent)).toEqual(['👍9', '🎉1']);
    expect(chips.map((chip) => chip.getAttribute('aria-pressed'))).toEqual(['true', 'false']);
    expect(chips[0]!.className).toContain('mine');
    expect(chips[0]!.title).toBe('Budi, Sari, Ani, Dewi, Eko dan 4 lainnya');
    expect(chips[1]!.title).toBe('Budi');
    expect(chips[1]!.getAttribute('aria-label')).toBe('🎉: 1 reaksi dari Budi');
    await click(chips[0]!);
    expect(bridge.callsTo('message:react')).toEqual([{ roomId: '!a:x', eventId: '$m1', key: '👍' }]);
  });

  it('keeps a 10,000-character key as plain text in a chip the stylesheet cuts short', async () => {
    const hostile = `<img src=x onerror=alert(1)>${'x'.repeat(10_000)}`;
    const { view } = await setup([message('m1', { reactions: [{ key: hostile, count: 1, senders: ['Mallory'], mine: false }] })]);
    const chip = view.byTestId('reaction-chip');
    const keyText = chip.querySelector('.reaction-key')!;
    expect(keyText.textContent).toBe(hostile);
    expect(chip.querySelector('img')).toBeNull();
    expect(keyText.className).toBe('reaction-key');
  });

  it('loads the full picker lazily from the popover, with its emoji bundled (no download)', async () => {
    // jsdom has no ResizeObserver; frimousse sizes its virtual list with one.
    class NoResize {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(globalThis, 'ResizeObserver', { configurable: true, value: NoResize });
    const { view } = await setup([message('m1')]);
    await click(within(frameOf(view, 'm1'), 'action-react'));
    await click(view.byTestId('more-emoji'));
    expect(view.byTestId('more-emoji').getAttribute('aria-expanded')).toBe('true');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(view.container.querySelector('[frimousse-root]')).not.toBeNull();
    expect(view.container.querySelector<HTMLInputElement>('[frimousse-search]')?.getAttribute('aria-label')).toBe('Cari emoji');
  });
});

describe('edits', () => {
  it('edits the last own message with Up in an empty composer; Esc gives the composer back', async () => {
    const { bridge, view } = await setup([own('m1', { body: 'first' }), message('m2'), own('m3', { body: 'rapat jam 9' }), own('m4', { canEdit: false })]);
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    input.focus();
    await key(input, { key: 'ArrowUp' });
    expect(input.value).toBe('rapat jam 9');
    expect(view.byTestId('composer-banner').textContent).toContain('Menyunting pesan');
    expect(view.byTestId('composer-send').textContent).toBe('Simpan');
    await key(input, { key: 'Escape' });
    expect(input.value).toBe('');
    expect(view.allByTestId('composer-banner')).toHaveLength(0);

    await key(input, { key: 'ArrowUp' });
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, 'rapat jam 10');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:edit')).toEqual([{ roomId: '!a:x', eventId: '$m3', body: 'rapat jam 10' }]);
    expect(bridge.callsTo('message:send')).toEqual([]);
    expect(input.value).toBe('');
  });

  it('opens the versions of an edited message from its "(disunting)" marker', async () => {
    const { bridge, view } = await setup([message('m1', { edited: true, body: 'rapat jam 10' })]);
    const marker = view.byTestId('message-edited');
    expect(marker.tagName).toBe('BUTTON');
    expect(marker.textContent).toBe('(disunting)');
    await click(marker);
    await act(flush);
    expect(bridge.callsTo('message:versions')).toEqual([{ roomId: '!a:x', eventId: '$m1' }]);
    const dialog = document.querySelector<HTMLElement>('[data-testid="versions-dialog"]')!;
    const versions = Array.from(dialog.querySelectorAll('.version'));
    expect(versions.map((version) => version.querySelector('.version-body')?.textContent)).toEqual(['rapat jam 9', 'rapat jam 10']);
    expect(versions[0]!.textContent).toContain('Asli');
    expect(versions[1]!.querySelector('time')?.getAttribute('datetime')).toBe(new Date(1_700_000_060_000).toISOString());
  });
});

describe('deletes', () => {
  it('asks before deleting and deletes only on confirm', async () => {
    const { bridge, view } = await setup([own('m1')]);
    await click(within(frameOf(view, 'm1'), 'action-delete'));
    expect(document.querySelector('[role="dialog"] h2')?.textContent).toBe('Hapus pesan ini?');
    const cancel = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')).find((button) => button.textContent === 'Batal')!;
    await click(cancel);
    expect(bridge.callsTo('message:redact')).toEqual([]);
    expect(document.querySelector('[role="dialog"]')).toBeNull();

    await click(within(frameOf(view, 'm1'), 'action-delete'));
    await click(document.querySelector<HTMLElement>('[data-testid="delete-confirm"]')!);
    await act(flush);
    expect(bridge.callsTo('message:redact')).toEqual([{ roomId: '!a:x', eventId: '$m1' }]);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });
});
