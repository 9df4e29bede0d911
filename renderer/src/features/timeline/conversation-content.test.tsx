import { act } from 'react';
import type { ReactNode } from 'react';
import { VirtuosoMockContext } from 'react-virtuoso';
import { afterEach, describe, expect, it } from 'vitest';
import type { PollView } from '../../../../shared/model/conversation.ts';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import type { FakeBridge } from '../../test/fake-bridge.ts';
import { flush, ok } from '../../test/fake-bridge.ts';
import { message, roomEntry, timelineBatch } from '../../test/fixtures.ts';
import type { Rendered } from '../../test/render.tsx';
import { click } from '../../test/render.tsx';
import { key, settle, setupRoom, typeInto } from '../../test/room-view-setup.tsx';
import { installScrollStubs, mockListSizes } from '../../test/virtual-list.ts';

let view: Rendered | undefined;
afterEach(() => view?.unmount());
installScrollStubs();

const wrap = (ui: ReactNode): ReactNode => <VirtuosoMockContext value={mockListSizes}>{ui}</VirtuosoMockContext>;

const setup = async (items: TimelineItem[], extra: Partial<RoomDetails> = {}, handlers?: (bridge: FakeBridge) => void) => {
  const room = await setupRoom(items, wrap, extra, 'id', handlers);
  view = room.view;
  return room;
};

const base = { eventId: '$p', sender: '@budi:example.org', senderName: 'Budi', own: false, ts: 1_700_000_000_000 };

const poll = (extra: Partial<PollView> = {}): TimelineItem => ({
  ...base,
  id: 'p',
  kind: 'poll',
  pollId: '$p',
  poll: {
    question: 'Rapat hari apa?',
    answers: [
      { id: 'sen', text: 'Senin', votes: 3, mine: false },
      { id: 'sel', text: 'Selasa', votes: 1, mine: false },
    ],
    kind: 'disclosed',
    maxSelections: 1,
    ended: false,
    totalVotes: 4,
    ...extra,
  },
});

const item = (rendered: Rendered, id: string): HTMLElement => {
  const found = rendered.container.querySelector<HTMLElement>(`[data-item-id="${id}"]`);
  if (found === null) {
    throw new Error(`no item ${id}`);
  }
  return found;
};

describe('polls', () => {
  it('votes with the chosen answer and shows disclosed results as bars', async () => {
    const { bridge, view } = await setup([poll()]);
    bridge.handle('poll:vote', () => ok(null));
    const answers = view.allByTestId('poll-answer') as HTMLInputElement[];
    expect(answers.map((answer) => answer.type)).toEqual(['radio', 'radio']);
    expect(item(view, 'p').textContent).toContain('Rapat hari apa?');
    expect(item(view, 'p').textContent).toContain('3 suara');
    expect(Array.from(item(view, 'p').querySelectorAll('.poll-bar')).map((bar) => bar.getAttribute('aria-label'))).toEqual(['75%', '25%']);
    const vote = view.byTestId('poll-vote') as HTMLButtonElement;
    expect(vote.textContent).toBe('Pilih');
    expect(vote.disabled).toBe(true);
    await click(answers[1]!);
    await click(vote);
    await act(flush);
    expect(bridge.callsTo('poll:vote')).toEqual([{ roomId: '!a:x', pollId: '$p', answers: ['sel'] }]);
  });

  it('uses checkboxes up to maxSelections and hides undisclosed results until the end', async () => {
    const { view } = await setup([
      poll({
        maxSelections: 2,
        kind: 'undisclosed',
        answers: [
          { id: 'a', text: 'A', votes: 0, mine: false },
          { id: 'b', text: 'B', votes: 0, mine: false },
          { id: 'c', text: 'C', votes: 0, mine: false },
        ],
      }),
    ]);
    const answers = view.allByTestId('poll-answer') as HTMLInputElement[];
    expect(answers.map((answer) => answer.type)).toEqual(['checkbox', 'checkbox', 'checkbox']);
    for (const answer of answers) {
      await click(answer);
    }
    expect(answers.map((answer) => answer.checked)).toEqual([true, true, false]);
    expect(item(view, 'p').querySelector('.poll-bar')).toBeNull();
    expect(item(view, 'p').textContent).toContain('Hasil tampil setelah jajak pendapat berakhir.');
  });

  it('says an ended poll has ended and takes no vote', async () => {
    const { view } = await setup([poll({ ended: true, kind: 'undisclosed' })]);
    expect(view.byTestId('poll-ended').textContent).toBe('Berakhir');
    expect(view.allByTestId('poll-vote')).toHaveLength(0);
    expect(item(view, 'p').querySelector('fieldset')?.disabled).toBe(true);
    expect(item(view, 'p').querySelectorAll('.poll-bar')).toHaveLength(2);
  });
});

describe('other content', () => {
  it('shows a sticker as its image with the body as alt text', async () => {
    const { view } = await setup([{ ...base, id: 's', kind: 'sticker', body: 'kucing melambai', mediaUrl: 'rembuk-media:abc', width: 512, height: 256 }]);
    const image = item(view, 's').querySelector('img')!;
    expect(image.getAttribute('src')).toBe('rembuk-media:abc');
    expect(image.alt).toBe('kucing melambai');
    expect([image.width, image.height]).toEqual([160, 80]);
  });

  it('links a location to OpenStreetMap rather than to the geo: handler', async () => {
    const { view } = await setup([{ ...base, id: 'l', kind: 'location', body: 'Balai desa', geoUri: 'geo:-7.2575,112.7521;u=35' }]);
    const link = view.byTestId('location-link') as HTMLAnchorElement;
    expect(item(view, 'l').textContent).toContain('Balai desa');
    expect(link.href).toBe('https://www.openstreetmap.org/?mlat=-7.2575&mlon=112.7521#map=16/-7.2575/112.7521');
    expect(link.rel).toBe('noopener noreferrer');
    expect(link.textContent).toBe('Buka lokasi di peta');
  });

  it('writes an emote as "* name action" and mutes a notice', async () => {
    const { view } = await setup([message('e', { msgtype: 'emote', body: 'melambai' }), message('n', { msgtype: 'notice', body: 'Pengingat rapat' })]);
    expect(item(view, 'e').querySelector('[data-testid="message-body"]')?.textContent).toBe('* Budi melambai');
    expect(item(view, 'n').className).toContain('msgtype-notice');
  });
});

describe('threads', () => {
  it('opens a thread from its root in a side panel with its own subscription, and replies into it', async () => {
    const { bridge, view } = await setup([message('root', { thread: { count: 2, latestSenderName: 'Sari', latestExcerpt: 'setuju' } })]);
    bridge.handle('timeline:subscribe', (input) => ok({ subscription: input.threadRootId === undefined ? 't1' : 't2' }));
    const summary = view.byTestId('thread-summary');
    expect(summary.textContent).toBe('2 balasanSari: setuju');
    await click(summary);
    await act(flush);
    expect(bridge.callsTo('timeline:subscribe').at(-1)).toEqual({ roomId: '!a:x', threadRootId: '$root' });
    act(() => {
      bridge.emit('timeline:batch', timelineBatch('t2', 0, [{ op: 'reset', values: [message('root'), message('r1', { body: 'setuju' })] }]));
    });
    await settle();
    const panel = view.byTestId('thread-panel');
    expect(panel.getAttribute('aria-label')).toBe('Utas');
    expect(panel.querySelector('[data-item-id="r1"]')?.textContent).toContain('setuju');
    // Inside the thread, no thread of its own is offered.
    expect(panel.querySelector('[data-testid="thread-summary"]')).toBeNull();
    const input = panel.querySelector<HTMLTextAreaElement>('textarea')!;
    expect(panel.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Balas di utas');
    input.focus();
    typeInto(input, 'saya ikut');
    await key(input, { key: 'Enter' });
    expect(bridge.callsTo('message:send')).toEqual([{ roomId: '!a:x', body: 'saya ikut', threadRoot: '$root' }]);
    // The room's own draft is not the thread's.
    expect(bridge.callsTo('draft:set')).toEqual([]);
    await click(view.byTestId('thread-close'));
    expect(view.allByTestId('thread-panel')).toHaveLength(0);
  });
});

describe('links', () => {
  it('turns plain URLs into safe anchors and leaves other schemes as text', async () => {
    const { view } = await setup([message('m', { body: 'agenda https://koperasi.example/rapat?id=1. jangan javascript:alert(1)' })]);
    const body = item(view, 'm').querySelector('[data-testid="message-body"]')!;
    const anchors = Array.from(body.querySelectorAll('a'));
    expect(anchors.map((anchor) => [anchor.getAttribute('href'), anchor.target, anchor.rel])).toEqual([
      ['https://koperasi.example/rapat?id=1', '_blank', 'noopener noreferrer'],
    ]);
    expect(body.textContent).toBe('agenda https://koperasi.example/rapat?id=1. jangan javascript:alert(1)');
  });

  it('opens a matrix.to link to a joined room inside Rembuk', async () => {
    const { bridge, view, app } = await setup([message('m', { body: 'lihat https://matrix.to/#/!b:x di sana' })]);
    bridge.handle('rooms:subscribe', () => ok({ subscription: 'r1' }));
    await app.stores.rooms.start();
    act(() => {
      bridge.emit('rooms:batch', { subscription: 'r1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('!b:x', { membership: 'join' })] }] });
    });
    const anchor = item(view, 'm').querySelector('a')!;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => {
      anchor.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBe('!b:x');
  });

  it('offers to join a room not joined, through room:joinLink', async () => {
    const { bridge, view, app } = await setup([message('m', { body: 'gabung matrix:r/tani:example.org ya' })]);
    bridge.handle('room:joinLink', () => ok({ roomId: '!tani:x', state: 'joined' }));
    await click(item(view, 'm').querySelector('a')!);
    expect(document.querySelector('[role="dialog"] h2')?.textContent).toBe('Gabung ke ruang ini?');
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('#tani:example.org');
    await click(document.querySelector<HTMLElement>('[data-testid="matrix-link-submit"]')!);
    await act(flush);
    expect(bridge.callsTo('room:joinLink')).toEqual([{ link: 'matrix:r/tani:example.org' }]);
    expect(app.stores.rooms.store.getState().selectedRoomId).toBe('!tani:x');
  });

  it('offers a direct chat for a link to a person', async () => {
    const { bridge, view } = await setup([message('m', { body: 'tanya https://matrix.to/#/@sari:example.org saja' })]);
    bridge.handle('room:createDirect', () => ok({ roomId: '!dm:x' }));
    await click(item(view, 'm').querySelector('a')!);
    expect(document.querySelector('[role="dialog"] h2')?.textContent).toBe('Obrolan dengan @sari:example.org');
    await click(document.querySelector<HTMLElement>('[data-testid="matrix-link-submit"]')!);
    await act(flush);
    expect(bridge.callsTo('room:createDirect')).toEqual([{ userId: '@sari:example.org' }]);
  });

  it('previews the first web link only where the room has previews on', async () => {
    const items = [message('m', { body: 'baca https://berita.example/a dan https://lain.example/b' })];
    const off = await setup(items);
    off.bridge.handle('link:preview', () => ok({ url: 'https://berita.example/a', title: 'Harga pupuk turun', description: null, siteName: 'Berita' }));
    await act(flush);
    expect(off.bridge.callsTo('link:preview')).toEqual([]);
    expect((off.view.byTestId('room-link-previews') as HTMLInputElement).checked).toBe(false);
    off.view.unmount();

    const on = await setup(items, { linkPreviews: true }, (bridge) => {
      bridge.handle('link:preview', () => ok({ url: 'https://berita.example/a', title: 'Harga pupuk turun', description: null, siteName: 'Berita' }));
    });
    // The details (with linkPreviews) arrive after the first render: the card asks once they have.
    await act(flush);
    await settle();
    expect(on.bridge.callsTo('link:preview')).toEqual([{ roomId: '!a:x', url: 'https://berita.example/a' }]);
    expect(on.view.byTestId('link-preview').textContent).toBe('BeritaHarga pupuk turun');
  });

  it('switches previews for the room from its header', async () => {
    const { bridge, view } = await setup([message('m')]);
    bridge.handle('room:setLinkPreviews', () => ok(null));
    const toggle = view.byTestId('room-link-previews') as HTMLInputElement;
    expect(toggle.getAttribute('role')).toBe('switch');
    expect(toggle.closest('label')?.textContent).toContain('Pratinjau tautan');
    // Why it matters in an encrypted room, read with the switch.
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toContain('server melihat tautannya');
    await click(toggle);
    expect(bridge.callsTo('room:setLinkPreviews')).toEqual([{ roomId: '!a:x', enabled: true }]);
  });
});

describe('hostile content', () => {
  it('renders script, iframe and onerror in formatted_body harmlessly, in a reply quote too', async () => {
    const html =
      '<p>ok</p><script>window.pwned = 1</script><iframe src="https://evil.example"></iframe><img src=x onerror="window.pwned = 2"><a href="javascript:alert(1)">klik</a>';
    const { view } = await setup([
      message('m', {
        html,
        body: 'ok',
        edited: true,
        replyTo: { eventId: '$x', senderName: '<b>Mallory</b>', excerpt: '<img src=x onerror=alert(1)>', deleted: false },
      }),
    ]);
    const body = item(view, 'm').querySelector('[data-testid="message-body"]')!;
    expect(body.querySelector('script, iframe, img')).toBeNull();
    expect(body.querySelector('a')?.hasAttribute('href')).toBe(false);
    expect(body.innerHTML).not.toMatch(/onerror|javascript:/u);
    expect((window as { pwned?: number }).pwned).toBeUndefined();
    const quote = view.byTestId('reply-quote');
    expect(quote.querySelector('img, b')).toBeNull();
    expect(quote.textContent).toBe('<b>Mallory</b><img src=x onerror=alert(1)>');
  });
});
