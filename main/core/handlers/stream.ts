import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';

/** What every stream shares: a fresh snapshot after a gap, and the end of a subscription. */
export const streamHandlers = (deps: HandlerDeps): Pick<Handlers, 'stream:resync' | 'stream:unsubscribe'> => ({
  'stream:resync': (input, context) => {
    deps.subscriptions.resync(input.subscription, context.connectionId);
    return Promise.resolve(null);
  },
  'stream:unsubscribe': (input, context) => {
    deps.subscriptions.remove(input.subscription, context.connectionId);
    return Promise.resolve(null);
  },
});
