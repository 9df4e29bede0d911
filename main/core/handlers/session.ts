import { done } from './done.ts';
import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';

type SessionChannel =
  'session:get' | 'session:signIn' | 'session:signOut' | 'connection:get' | 'settings:get' | 'settings:setLanguage' | 'settings:setPrivateReceipts';

/** Signing in and out, the connection, and the settings that hold before anyone signs in. */
export const sessionHandlers = (deps: HandlerDeps): Pick<Handlers, SessionChannel> => ({
  'session:get': () => Promise.resolve(deps.runtime()?.account.view() ?? null),
  'session:signIn': (input) => deps.signIn(input),
  'session:signOut': () => done(deps.signOut()),
  'connection:get': () => Promise.resolve(deps.connectionState()),

  'settings:get': () => deps.settings.get(),
  'settings:setLanguage': (input) => deps.settings.update({ language: input.language }),
  'settings:setPrivateReceipts': (input) => deps.settings.update({ privateReceipts: input.privateReceipts }),
});
