import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { atLive, message } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
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

const setup = async () => {
  const bridge = createFakeBridge();
  bridge.handle('timeline:subscribe', () => ok({ subscription: 't1' }));
  bridge.handle('room:details', () => ({ ok: false, error: { code: 'room_not_found' } }));
  bridge.handle('room:markRead', () => ok(null));
  bridge.handle('message:retry', () => ok(null));
  const app = createTestApp(bridge);
  await app.stores.timeline.open('!a:x');
  view = render(<Timeline roomName="Rapat" />, app.stores);
  act(() => {
    bridge.emit('timeline:batch', { subscription: 't1', seq: 0, window: atLive, ops: [{ op: 'reset', values: items }] });
  });
  return { bridge, view };
};

describe('Timeline', () => {
  it('is a polite log of every kind of item', async () => {
    const { view } = await setup();
    const log = view.byTestId('timeline');
    expect(log.getAttribute('role')).toBe('log');
    expect(log.getAttribute('aria-live')).toBe('polite');
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
    expect(m3!.textContent).toContain('(disunting)');
    expect(m1!.className).toContain('other');
    expect(m2!.className).toContain('own');
  });

  it('retries a failed message', async () => {
    const { bridge, view } = await setup();
    await click(view.byTestId('message-retry'));
    expect(bridge.callsTo('message:retry')).toEqual([{ roomId: '!a:x', itemId: 'm3' }]);
  });

  it('offers older messages while there may be some, and fetches them when the view is not full', async () => {
    const { bridge, view } = await setup();
    bridge.handle('timeline:paginate', () => ok({ hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null }));
    expect(view.allByTestId('load-older')).toHaveLength(0);
    await act(async () => {
      bridge.emit('timeline:batch', { subscription: 't1', seq: 1, window: atLive, ops: [{ op: 'remove', index: 0 }] });
      await Promise.resolve();
    });
    expect(view.allByTestId('load-older')).toHaveLength(1);
    // jsdom lays nothing out, so the timeline never overflows: one automatic fetch, not a loop.
    expect(bridge.callsTo('timeline:paginate')).toEqual([{ subscription: 't1', direction: 'backward' }]);
    await click(view.byTestId('load-older'));
    expect(bridge.callsTo('timeline:paginate')).toHaveLength(2);
  });
});
