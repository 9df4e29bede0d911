import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge, ok } from '../../test/fake-bridge.ts';
import { roomEntry } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { RoomList } from './RoomList.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const setup = async () => {
  const bridge = createFakeBridge();
  bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
  bridge.handle('invite:accept', () => ok(null));
  const app = createTestApp(bridge);
  await app.stores.rooms.start();
  view = render(<RoomList />, app.stores);
  act(() => {
    bridge.emit('rooms:batch', {
      subscription: 'r1',
      seq: 0,
      ops: [
        {
          op: 'reset',
          values: [
            roomEntry('!inv:x', { name: 'Koperasi Tani', membership: 'invite', inviter: 'Budi' }),
            roomEntry('!b:x', { name: 'Rapat', unread: 3, highlight: 2, preview: { sender: 'Budi', body: 'Halo', own: false }, lastActivity: Date.now() }),
            roomEntry('!a:x', { name: 'Arisan', encrypted: true, preview: { sender: 'Sari', body: 'Siap', own: true } }),
          ],
        },
      ],
    });
  });
  return { bridge, app, view };
};

describe('RoomList', () => {
  it('shows rows in main order with name, preview and unread badge', async () => {
    const { view } = await setup();
    const rows = view.allByTestId('room-row');
    expect(rows.map((row) => row.dataset.roomId)).toEqual(['!inv:x', '!b:x', '!a:x']);
    expect(rows.map((row) => row.dataset.roomName)).toEqual(['Koperasi Tani', 'Rapat', 'Arisan']);
    expect(rows[1]!.textContent).toContain('Budi: Halo');
    expect(rows[2]!.textContent).toContain('Anda: Siap');
    expect(view.allByTestId('room-unread').map((badge) => badge.textContent)).toEqual(['3']);
    expect(rows[0]!.textContent).toContain('Budi mengundang Anda');
    expect(rows[1]!.querySelector('.avatar')?.className).toMatch(/avatar-c\d/);
  });

  it('counts mentions in a badge of their own, named for screen readers', async () => {
    const { view } = await setup();
    const badge = view.byTestId('room-highlight');
    expect(badge.textContent).toBe('@2');
    expect(badge.getAttribute('aria-label')).toBe('2 sebutan');
    expect(badge.className).toBe('badge highlight');
    expect(badge.closest('[data-testid="room-row"]')?.getAttribute('data-room-id')).toBe('!b:x');
  });

  it('marks encrypted rooms with a labelled lock', async () => {
    const { view } = await setup();
    const locks = view.allByTestId('room-row-encrypted');
    expect(locks.map((lock) => lock.closest<HTMLElement>('[data-testid="room-row"]')?.dataset.roomId)).toEqual(['!a:x']);
    expect([locks[0]!.getAttribute('role'), locks[0]!.getAttribute('aria-label'), locks[0]!.title]).toEqual(['img', 'Terenkripsi', 'Terenkripsi']);
    expect(locks[0]!.querySelector('svg.lucide-lock')).not.toBeNull();
  });

  it('shows an undecryptable newest message as a lock and words, not an emoji', async () => {
    const { bridge, view } = await setup();
    act(() => {
      bridge.emit('rooms:batch', {
        subscription: 'r1',
        seq: 1,
        ops: [{ op: 'reset', values: [roomEntry('!c:x', { name: 'Rahasia', preview: { sender: 'Budi', body: '', own: false, undecryptable: true } })] }],
      });
    });
    const preview = view.byTestId('room-row').querySelector('.room-preview')!;
    expect(preview.textContent).toBe('Budi: pesan terenkripsi');
    expect(preview.querySelector('svg.lucide-lock')).not.toBeNull();
  });

  it('selects a room on click and accepts an invite', async () => {
    const { bridge, app, view } = await setup();
    await click(view.allByTestId('room-row')[2]!.querySelector('button')!);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBe('!a:x');
    await click(view.byTestId('invite-accept'));
    expect(bridge.callsTo('invite:accept')).toEqual([{ roomId: '!inv:x' }]);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBe('!inv:x');
  });
});
