import { act } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem, TimelineWindow } from '../../../../shared/model/timeline.ts';
import type { ListOp } from '../../../../shared/stream/list-op.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { liveWindow, message, timelineBatch } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { installScrollStubs, mockListSizes } from '../../test/virtual-list.ts';
import { Timeline } from './Timeline.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const base = { eventId: null, sender: '@alice:x', senderName: 'Alice', own: false, ts: 1_700_000_000_000 };
const items: TimelineItem[] = [
  { ...base, id: 'c', kind: 'roomCreated' },
  { ...base, id: 'j', kind: 'membership', change: 'joined', target: 'Alice' },
  message('m1', { html: '<b>tebal</b><img src=x onerror="alert(1)"><script>alert(2)</script>', body: 'tebal' }),
  message('m2', { own: true, sendState: 'sending', body: 'otw' }),
  message('m3', { own: true, sendState: 'failed', body: 'gagal', edited: true }),
  { ...base, id: 'e', kind: 'encrypted' },
  { ...base, id: 'r', kind: 'redacted' },
];

installScrollStubs();

/** Virtuoso waits a few frames before scrolling to the initial item and rendering the rows around it. */
const settle = async (): Promise<void> => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
};

const setup = async (initial: TimelineItem[] = items, window: Partial<TimelineWindow> = {}, language: 'id' | 'en' = 'id') => {
  const bridge = createFakeBridge();
  bridge.handle('timeline:subscribe', () => ok({ subscription: 't1' }));
  bridge.handle('room:details', () => ({ ok: false, error: { code: 'room_not_found' } }));
  bridge.handle('room:markRead', () => ok(null));
  bridge.handle('message:retry', () => ok(null));
  bridge.handle('timeline:viewport', () => ok(null));
  // A page that brings nothing: the window stays where the test put it.
  bridge.handle('timeline:paginate', () => ok(app.stores.timeline.store.getState().window));
  bridge.handle('timeline:jump', () => ok({ found: true }));
  const app = createTestApp(bridge);
  await app.stores.timeline.open('!a:x');
  act(() => {
    bridge.emit('timeline:batch', timelineBatch('t1', 0, [{ op: 'reset', values: initial }], window));
  });
  view = render(
    <VirtuosoMockContext value={mockListSizes}>
      <Timeline roomName="Rapat" />
    </VirtuosoMockContext>,
    app.stores,
    language,
  );
  await settle();
  let seq = 0;
  const send = async (ops: ListOp<TimelineItem>[], next: Partial<TimelineWindow> = {}): Promise<void> => {
    seq += 1;
    await act(async () => {
      bridge.emit('timeline:batch', timelineBatch('t1', seq, ops, { ...window, ...next }));
      await flush();
    });
    await settle();
  };
  return { bridge, view, send };
};

const rowIds = (rendered: Rendered): (string | undefined)[] => rendered.allByTestId('timeline-item').map((item) => item.dataset.itemId);

describe('Timeline', () => {
  it('is a labelled, focusable log of every kind of item', async () => {
    const { view } = await setup();
    const log = view.byTestId('timeline');
    expect(log.getAttribute('role')).toBe('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.getAttribute('aria-label')).toBe('Pesan di Rapat');
    expect(log.tabIndex).toBe(0);
    const rendered = view.allByTestId('timeline-item');
    expect(rendered.map((item) => [item.dataset.itemId, item.dataset.kind])).toEqual([
      ['c', 'roomCreated'],
      ['j', 'membership'],
      ['m1', 'message'],
      ['m2', 'message'],
      ['m3', 'message'],
      ['e', 'encrypted'],
      ['r', 'redacted'],
    ]);
    expect(rendered[0]!.textContent).toBe('Alice membuat ruang ini');
    expect(rendered[1]!.textContent).toBe('Alice bergabung');
    // An undecryptable message names its sender and says why, in a line of its own.
    expect(rendered[5]!.textContent).toContain('Pesan terenkripsi dari Alice yang belum bisa dibuka');
    expect(rendered[5]!.querySelector('.system-item-why')?.textContent).toMatch(/kunci pemulihan/);
    expect(rendered[6]!.textContent).toBe('Pesan dihapus');
  });

  it('shows sanitised html, send states and the edited marker', async () => {
    const { view } = await setup();
    const [m1, m2, m3] = ['m1', 'm2', 'm3'].map((id) => view.container.querySelector<HTMLElement>(`[data-item-id="${id}"]`)!);
    const body = m1!.querySelector('[data-testid="message-body"]')!;
    expect(body.innerHTML).toContain('<b>tebal</b>');
    expect(body.querySelector('img, script')).toBeNull();
    expect(m2!.dataset.sendState).toBe('sending');
    expect(m2!.textContent).toContain('Mengirim…');
    expect(m3!.dataset.sendState).toBe('failed');
    expect(m3!.textContent).toContain('Gagal terkirim');
    expect(m3!.textContent).toContain('(diedit)');
    expect(m1!.className).toContain('other');
    expect(m2!.className).toContain('own');
  });

  it('retries a failed message', async () => {
    const { bridge, view } = await setup();
    await click(view.byTestId('message-retry'));
    expect(bridge.callsTo('message:retry')).toEqual([{ roomId: '!a:x', itemId: 'm3' }]);
  });

  it('heads each day, in the member language, with today and yesterday by name', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const dated = [
      message('old', { ts: new Date(2024, 0, 2, 12).getTime() }),
      message('y', { ts: now - day }),
      message('t1', { ts: now }),
      message('t2', { ts: now }),
    ];
    // The room's start is in the window: its first day is headed too.
    const { view } = await setup(dated, { hasOlder: false });
    expect(view.allByTestId('day-separator').map((row) => row.textContent)).toEqual(['Selasa, 2 Januari 2024', 'Kemarin', 'Hari ini']);
    view.unmount();
    const english = await setup(dated, { hasOlder: false }, 'en');
    expect(english.view.allByTestId('day-separator').map((row) => row.textContent)).toEqual(['Tuesday, January 2, 2024', 'Yesterday', 'Today']);
  });

  it('draws the new-messages line after the read marker, and keeps it there once the room is marked read', async () => {
    const { view, send } = await setup([message('a'), message('b'), message('c')], { readMarkerItemId: 'a' });
    const marker = (): HTMLElement => view.byTestId('new-messages-marker');
    expect(marker().textContent).toBe('Pesan baru');
    // The marker sits between a and b in document order.
    const a = view.container.querySelector('[data-item-id="a"]')!;
    const b = view.container.querySelector('[data-item-id="b"]')!;
    expect(a.compareDocumentPosition(marker()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(marker().compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Opening marked the room read: main's marker moves to the newest, the line stays where reading stopped.
    await send([{ op: 'append', values: [message('d')] }], { readMarkerItemId: 'd' });
    expect(view.allByTestId('new-messages-marker')).toHaveLength(1);
    expect(marker().compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows older items prepended above and says where the conversation starts', async () => {
    const { view, send } = await setup([message('m5'), message('m6')]);
    expect(view.allByTestId('load-older')).toHaveLength(1);
    await send([
      { op: 'insert', index: 0, value: message('m4') },
      { op: 'insert', index: 0, value: { ...base, id: 'c', kind: 'roomCreated' } },
    ]);
    expect(rowIds(view)).toEqual(['c', 'm4', 'm5', 'm6']);
    expect(view.allByTestId('load-older')).toHaveLength(0);
    expect(view.container.querySelector('.timeline-start')?.textContent).toBe('Awal percakapan');
  });

  it('asks for older messages from the button, and shows a loading row while a page is in flight', async () => {
    const { bridge, view } = await setup([message('m5')]);
    let answer: (() => void) | undefined;
    bridge.handle(
      'timeline:paginate',
      () =>
        new Promise((resolve) => {
          answer = () => {
            resolve(ok(liveWindow));
          };
        }),
    );
    await click(view.byTestId('load-older'));
    expect(bridge.callsTo('timeline:paginate')).toContainEqual({ subscription: 't1', direction: 'backward' });
    expect(view.byTestId('timeline-loading-older').textContent).toBe('Memuat pesan lama…');
    expect(view.allByTestId('load-older')).toHaveLength(0);
    await act(async () => {
      answer?.();
      await flush();
    });
    expect(view.allByTestId('timeline-loading-older')).toHaveLength(0);
  });

  it('offers the way back to the newest while the window is short of the live end, and jumps there', async () => {
    const { bridge, view } = await setup([message('a'), message('b')], { hasNewer: true });
    const button = view.byTestId('jump-newest');
    expect(button.getAttribute('aria-label')).toBe('Ke pesan terbaru');
    expect(button.tagName).toBe('BUTTON');
    await click(button);
    expect(bridge.callsTo('timeline:jump')).toEqual([{ subscription: 't1', eventId: null }]);
  });

  it('has no jump button at the live end while reading the bottom', async () => {
    const { view } = await setup([message('a'), message('b')]);
    expect(view.allByTestId('jump-newest')).toHaveLength(0);
  });

  it('highlights the item a jump asked for', async () => {
    const { view, send } = await setup([message('a'), message('b'), message('c')], { hasNewer: true });
    expect(view.container.querySelectorAll('[data-focused="true"]')).toHaveLength(0);
    await send([{ op: 'reset', values: [message('x'), message('y'), message('z')] }], { focusItemId: 'y' });
    const focused = view.container.querySelectorAll<HTMLElement>('[data-focused="true"]');
    expect(focused).toHaveLength(1);
    expect(focused[0]!.querySelector('[data-item-id]')?.getAttribute('data-item-id')).toBe('y');
  });

  it('tells main which items are on screen', async () => {
    const { bridge } = await setup([message('a'), message('b'), message('c')], { readMarkerItemId: 'a' });
    await act(async () => {
      await flush();
    });
    expect(bridge.callsTo('timeline:viewport')).toContainEqual({ subscription: 't1', firstItemId: 'a', lastItemId: 'c' });
  });
});
