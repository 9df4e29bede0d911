import { done } from './done.ts';
import type { HandlerDeps } from './handler-deps.ts';
import { signedIn } from './signed-in.ts';
import type { Handlers } from '../ipc/dispatcher.ts';

type MessagesChannel = `message:${'send' | 'retry'}` | `draft:${'get' | 'set'}`;

/** Writing in a room: sending a message, retrying one that failed, and the draft kept per room. */
export const messageHandlers = (deps: HandlerDeps): Pick<Handlers, MessagesChannel> => ({
  'message:send': async (input) => ({ itemId: await signedIn(deps).conversation.send(input) }),
  'message:retry': (input) => {
    signedIn(deps).sender.retry(input.roomId, input.itemId);
    return Promise.resolve(null);
  },
  'draft:get': (input) => signedIn(deps).drafts.get(input.roomId),
  'draft:set': (input) => done(signedIn(deps).drafts.set(input.roomId, input.text)),
});
