import { act } from 'react';
import type { ReactNode } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { flush, ok } from '../../test/fake-bridge.ts';
import { message } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click } from '../../test/render.tsx';
import { frameOf, key, own, setupRoom, typeInto, within } from '../../test/room-view-setup.tsx';
import { installScrollStubs, mockListSizes } from '../../test/virtual-list.ts';

let view: Rendered | undefined;
afterEach(() => view?.unmount());
installScrollStubs();

const wrap = (ui: ReactNode): ReactNode => <VirtuosoMockContext value={mockListSizes}>{ui}</VirtuosoMockContext>;

const setup = async (items: TimelineItem[], extra: Partial<RoomDetails> = {}, language: 'id' | 'en' = 'id') => {
  const room = await setupRoom(items, wrap, extra, language);
  view = room.view;
  return room;
};

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

  it('is one tab stop per toolbar, with arrows moving along it', async () => {
    const { view } = await setup([own('m2')]);
    const buttons = Array.from(within(frameOf(view, 'm2'), 'message-toolbar').querySelectorAll<HTMLButtonElement>('button'));
    expect(buttons.map((button) => button.tabIndex)).toEqual([0, -1, -1, -1, -1]);
    buttons[0]!.focus();
    await key(buttons[0]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    await key(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons[4]);
    await key(buttons[4]!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    await key(buttons[0]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(buttons[4]);
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

  it('opens its menu upward in the lower half of the window, so the list keeps its bottom', async () => {
    const { view } = await setup([message('m1')]);
    await click(within(frameOf(view, 'm1'), 'action-more'));
    expect(view.byTestId('message-menu').className).toBe('message-menu');
    await key(view.byTestId('message-menu'), { key: 'Escape' });
    const low = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, window.innerHeight - 50, 100, 40));
    await click(within(frameOf(view, 'm1'), 'action-more'));
    low.mockRestore();
    expect(view.byTestId('message-menu').className).toBe('message-menu opens-up');
  });

  it('lists "edit history" in the menu of an edited message', async () => {
    const { view } = await setup([message('m1', { edited: true })]);
    await click(within(frameOf(view, 'm1'), 'action-more'));
    expect(view.byTestId('menu-versions').textContent).toBe('Riwayat suntingan');
  });
});

describe('replies', () => {
  it('names a formatted message in the banner by its words, not its Markdown, and runs nothing of its HTML', async () => {
    const { view } = await setup([
      message('m1', { body: 'Jam 9 di **balai desa**', html: 'Jam 9 di <strong>balai desa</strong><img src=x onerror="window.hacked=1">' }),
    ]);
    await click(within(frameOf(view, 'm1'), 'action-reply'));
    expect(view.byTestId('composer-banner').querySelector('.composer-banner-excerpt')?.textContent).toBe('Jam 9 di balai desa');
    expect((window as unknown as { hacked?: number }).hacked).toBeUndefined();
  });

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
    expect(view.byTestId('timeline-notice').textContent).toBe('');
    // An original main cannot find is said so, not silently ignored.
    bridge.handle('timeline:jump', () => ok({ found: false }));
    await click(quotes[1]!);
    await act(flush);
    expect(view.byTestId('timeline-notice').textContent).toBe('Pesan aslinya tidak ditemukan di ruang ini.');
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
    // Read out no longer than a key may be.
    expect(chip.getAttribute('aria-label')!.length).toBeLessThan(120);
  });

  // Transforming the picker and its emoji data takes seconds on a busy machine; do it once before
  // the test, so its timeout measures the popover, not the transform (the app's lazy import then
  // finds the module loaded; the chunk split itself is the bundler's, seen in dist/).
  beforeAll(async () => {
    await import('./EmojiPickerPanel.tsx');
  }, 60_000);

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
    // The picker's chunk loads on demand: wait for it (longer on a busy machine), do not guess a delay.
    await act(async () => {
      await vi.waitFor(
        () => {
          expect(view.container.querySelector('[frimousse-root]')).not.toBeNull();
        },
        { timeout: 10_000, interval: 50 },
      );
    });
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

  it('opens the versions of an edited message from its "(diedit)" marker', async () => {
    const { bridge, view } = await setup([message('m1', { edited: true, body: 'rapat jam 10' })]);
    const marker = view.byTestId('message-edited');
    expect(marker.tagName).toBe('BUTTON');
    expect(marker.textContent).toBe('(diedit)');
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

describe('mentions', () => {
  const candidates = [
    { userId: '@budi:example.org', name: 'Budi', initials: 'B' },
    { userId: '@bunga:example.org', name: 'Bunga', initials: 'B' },
  ];

  it('offers members on @, moves with arrows, inserts with Enter and sends who was mentioned', async () => {
    const { bridge, view } = await setup([message('m1')]);
    bridge.handle('room:mentionCandidates', () => ok(candidates));
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    input.focus();
    typeInto(input, 'halo @bu');
    await act(flush);
    expect(bridge.callsTo('room:mentionCandidates')).toEqual([{ roomId: '!a:x', query: 'bu' }]);
    const picker = view.byTestId('mention-picker');
    expect(picker.getAttribute('role')).toBe('listbox');
    const options = (): HTMLElement[] => view.allByTestId('mention-option');
    expect(options().map((option) => option.querySelector('.mention-name')?.textContent)).toEqual(['Budi', 'Bunga']);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    await key(input, { key: 'ArrowDown' });
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    await key(input, { key: 'ArrowUp' });
    await key(input, { key: 'Enter' });
    expect(input.value).toBe('halo Budi ');
    expect(view.allByTestId('mention-picker')).toHaveLength(0);
    expect(bridge.callsTo('message:send')).toEqual([]);

    typeInto(input, 'halo Budi, rapat jam 9');
    await act(flush);
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([
      { roomId: '!a:x', body: 'halo Budi, rapat jam 9', mentions: [{ userId: '@budi:example.org', name: 'Budi' }] },
    ]);
  });

  it('closes on Esc without inserting, and drops a mention whose name was deleted', async () => {
    const { bridge, view } = await setup([message('m1')]);
    bridge.handle('room:mentionCandidates', () => ok(candidates));
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    input.focus();
    typeInto(input, '@b');
    await act(flush);
    await key(input, { key: 'Escape' });
    expect(view.allByTestId('mention-picker')).toHaveLength(0);
    expect(input.value).toBe('@b');
    typeInto(input, '@bu');
    await act(flush);
    await key(input, { key: 'Tab' });
    expect(input.value).toBe('Budi ');
    typeInto(input, 'tidak jadi');
    await act(flush);
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'tidak jadi' }]);
  });

  it('offers @room only to those who may use it, and sends mentionRoom', async () => {
    const { bridge, view } = await setup([message('m1')]);
    bridge.handle('room:mentionCandidates', () => ok([]));
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    input.focus();
    typeInto(input, '@ru');
    await act(flush);
    expect(view.allByTestId('mention-option').map((option) => option.textContent)).toEqual(['@@roomsemua anggota ruang']);
    await key(input, { key: 'Enter' });
    expect(input.value).toBe('@room ');
    typeInto(input, '@room rapat dimulai');
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: '@room rapat dimulai', mentionRoom: true }]);
    view.unmount();

    const denied = await setup([message('m1')], { canMentionRoom: false });
    denied.bridge.handle('room:mentionCandidates', () => ok([]));
    const other = denied.view.byTestId('composer') as HTMLTextAreaElement;
    typeInto(other, '@ro');
    await act(flush);
    expect(denied.view.allByTestId('mention-picker')).toHaveLength(0);
  });

  it('marks a message that mentions this member, for the eye and for screen readers', async () => {
    const { view } = await setup([message('m1', { mentionsMe: true }), message('m2')]);
    const frame = frameOf(view, 'm1');
    expect(frame.className).toContain('mentions-me');
    const described = frame.getAttribute('aria-describedby');
    expect(described).not.toBeNull();
    expect(document.getElementById(described!)?.textContent).toBe('Menyebut Anda');
    expect(frameOf(view, 'm2').className).not.toContain('mentions-me');
  });
});

describe('typing', () => {
  it('says who is typing in the open room only', async () => {
    const { bridge, view } = await setup([message('m1')]);
    const line = (): string => view.byTestId('typing-line').textContent;
    expect(line()).toBe('');
    act(() => {
      bridge.emit('typing:changed', { roomId: '!a:x', names: ['Budi'] });
    });
    expect(line()).toBe('Budi sedang mengetik…');
    act(() => {
      bridge.emit('typing:changed', { roomId: '!a:x', names: ['Budi', 'Sari'] });
    });
    expect(line()).toBe('Budi dan Sari sedang mengetik…');
    act(() => {
      bridge.emit('typing:changed', { roomId: '!a:x', names: ['Budi', 'Sari', 'Ani'] });
      bridge.emit('typing:changed', { roomId: '!other:x', names: ['Eko'] });
    });
    expect(line()).toBe('3 orang sedang mengetik…');
    expect(view.byTestId('typing-line').getAttribute('aria-live')).toBe('polite');
    act(() => {
      bridge.emit('typing:changed', { roomId: '!a:x', names: [] });
    });
    expect(line()).toBe('');
  });

  it('tells main while this member types, and that they stopped on send, on blur and when the text is gone', async () => {
    const { bridge, view } = await setup([message('m1')]);
    const input = view.byTestId('composer') as HTMLTextAreaElement;
    input.focus();
    typeInto(input, 'h');
    typeInto(input, 'ha');
    expect(bridge.callsTo('room:typing')).toEqual([
      { roomId: '!a:x', typing: true },
      { roomId: '!a:x', typing: true },
    ]);
    typeInto(input, '');
    expect(bridge.callsTo('room:typing').at(-1)).toEqual({ roomId: '!a:x', typing: false });
    typeInto(input, 'halo');
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('room:typing').at(-1)).toEqual({ roomId: '!a:x', typing: false });
    typeInto(input, 'lagi');
    act(() => {
      input.blur();
    });
    expect(bridge.callsTo('room:typing').at(-1)).toEqual({ roomId: '!a:x', typing: false });
    const stops = bridge.callsTo('room:typing').filter((call) => !(call as { typing: boolean }).typing);
    expect(stops).toHaveLength(3);
  });
});

describe('read receipts', () => {
  it('shows up to three readers and +N, names in the tooltip, and the delivery of the last own message', async () => {
    const readers = ['Budi', 'Sari', 'Ani', 'Dewi', 'Eko'].map((name) => ({ userId: `@${name.toLowerCase()}:x`, name, initials: name[0]! }));
    const { view } = await setup([
      message('m1', { readBy: readers }),
      own('m2', { delivery: { state: 'sent', readCount: 0 } }),
      own('m3', { delivery: { state: 'read', readCount: 4 } }),
    ]);
    const receipts = view.byTestId('read-receipts');
    expect(Array.from(receipts.children).map((child) => child.textContent)).toEqual(['B', 'S', 'A', '+2']);
    expect(receipts.title).toBe('Dibaca oleh Budi, Sari, Ani, Dewi, Eko');
    expect(receipts.getAttribute('aria-label')).toBe(receipts.title);
    expect(view.allByTestId('delivery').map((line) => line.textContent)).toEqual(['Terkirim', 'Dibaca oleh 4']);
  });
});
