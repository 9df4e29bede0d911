import { RembukError } from '../../../shared/ipc/errors.ts';
import type { AccountRuntime } from '../account-runtime.ts';
import type { HandlerDeps } from './handler-deps.ts';

/** The signed-in account's runtime, for handlers that need one; `not_signed_in` otherwise. */
export const signedIn = (deps: Pick<HandlerDeps, 'runtime'>): AccountRuntime => {
  const runtime = deps.runtime();
  if (runtime === null) {
    throw new RembukError('not_signed_in');
  }
  return runtime;
};
