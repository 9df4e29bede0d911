import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import { createFakeBridge } from '../../test/fake-bridge.ts';
import type { Rendered } from '../../test/render.tsx';
import { click, render } from '../../test/render.tsx';
import { createTestApp } from '../../test/test-app.ts';
import { RoomHeader } from './RoomHeader.tsx';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const details = (encrypted: boolean): RoomDetails => ({
  id: '!a:x',
  name: 'Rapat',
  topic: null,
  memberCount: 4,
  isDirect: false,
  encrypted,
  canInvite: true,
  canRedactOthers: false,
  canMentionRoom: false,
  linkPreviews: false,
});

const setup = (encrypted: boolean, language: 'id' | 'en' = 'id', app = createTestApp(createFakeBridge())) => {
  view = render(<RoomHeader roomName="Rapat" />, app.stores, language);
  act(() => {
    app.stores.timeline.store.setState({ details: details(encrypted) });
  });
  return view;
};

describe('RoomHeader', () => {
  it('has a labelled way back to the list, for the narrow window that shows the list or the room', async () => {
    const app = createTestApp(createFakeBridge());
    app.stores.rooms.select('!a:x');
    const back = setup(true, 'id', app).byTestId('back-to-list');
    expect(back.getAttribute('aria-label')).toBe('Kembali ke daftar');
    await click(back);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBeNull();
  });

  it('shows a lock and "Terenkripsi" on an encrypted room, with what it means as the tooltip', () => {
    const view = setup(true);
    const mark = view.byTestId('room-encrypted');
    expect(mark.textContent).toBe('Terenkripsi');
    expect(mark.querySelector('svg.lucide-lock')).not.toBeNull();
    expect(mark.title).toMatch(/terenkripsi ujung ke ujung/);
    // The room's name stays just its name.
    expect(view.byTestId('room-header-name').textContent).toBe('Rapat');
  });

  it('says "Encrypted" in English', () => {
    expect(setup(true, 'en').byTestId('room-encrypted').textContent).toBe('Encrypted');
  });

  it('shows no lock on a room without encryption', () => {
    expect(setup(false).allByTestId('room-encrypted')).toHaveLength(0);
  });
});
