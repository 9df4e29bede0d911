import { act } from 'react';
import type { ReactNode } from 'react';
import type { RoomDetails } from '../../../shared/model/room.ts';
import type { TimelineItem } from '../../../shared/model/timeline.ts';
import { RoomView } from '../features/timeline/index.ts';
import type { FakeBridge } from './fake-bridge.ts';
import { createFakeBridge, flush, ok } from './fake-bridge.ts';
import { message, timelineBatch } from './fixtures.ts';
import type { Rendered } from './render.tsx';
import { render } from './render.tsx';
import { createTestApp } from './test-app.ts';

/**
 * The open room as a member sees it (header, timeline, composer, thread panel) on a fake
 * bridge that answers every conversation request, for the conversation feature tests.
 * Call installScrollStubs() once in the test file.
 */
export const settle = async (): Promise<void> => {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
  });
};

export const details: RoomDetails = {
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
/** `wrap` puts the room in Virtuoso's mock context (the test's: this folder may not import react-virtuoso). */
export const setupRoom = async (
  items: TimelineItem[],
  wrap: (ui: ReactNode) => ReactNode,
  extra: Partial<RoomDetails> = {},
  language: 'id' | 'en' = 'id',
  /** Answers of the test's own, in place before anything renders. */
  handlers: (bridge: FakeBridge) => void = () => undefined,
) => {
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
  handlers(bridge);
  const app = createTestApp(bridge);
  await app.stores.timeline.open('!a:x');
  await app.stores.composer.load('!a:x');
  act(() => {
    bridge.emit('timeline:batch', timelineBatch('t1', 0, [{ op: 'reset', values: items }]));
  });
  const view = render(wrap(<RoomView roomId="!a:x" />), app.stores, language);
  await settle();
  return { bridge, view, app };
};

export const frameOf = (rendered: Rendered, itemId: string): HTMLElement => {
  const frame = rendered.container.querySelector(`[data-item-id="${itemId}"]`)?.closest<HTMLElement>('[data-testid="message-frame"]');
  if (frame === null || frame === undefined) {
    throw new Error(`no frame for ${itemId}`);
  }
  return frame;
};

export const within = (element: HTMLElement, testId: string): HTMLElement => {
  const found = element.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (found === null) {
    throw new Error(`no ${testId}`);
  }
  return found;
};

export const key = async (element: HTMLElement, init: KeyboardEventInit): Promise<void> => {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
    await flush();
  });
};

export const own = (id: string, extra: Partial<Extract<TimelineItem, { kind: 'message' }>> = {}) =>
  message(id, { own: true, sender: '@sari:example.org', senderName: 'Sari', canEdit: true, canRedact: true, ...extra });

export const typeInto = (input: HTMLTextAreaElement, value: string, caret = value.length): void => {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(input, value);
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
