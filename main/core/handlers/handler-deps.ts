import type { ConnectionState, SessionView, SignInInput } from '../../../shared/model/session.ts';
import type { AccountRuntime } from '../account-runtime.ts';
import type { Trust } from '../matrix/trust/trust.ts';
import type { SettingsStore } from '../profile/settings-store.ts';
import type { SaveDialog } from '../ports.ts';
import type { Subscriptions } from '../stream/subscriptions.ts';

/**
 * What the handlers need from the core; the core hands itself over as this. It has its own file so that
 * `handlers.ts`, which assembles every area's handlers, and the areas in `handlers/` do not import each other.
 */
export type HandlerDeps = {
  runtime(): AccountRuntime | null;
  /** Trust and recovery of the signed-in account; null when signed out. */
  trust(): Trust | null;
  connectionState(): ConnectionState;
  signIn(input: SignInInput): Promise<SessionView>;
  signOut(): Promise<void>;
  settings: SettingsStore;
  subscriptions: Subscriptions;
  /** The OS's save dialog for `media:save`; null where there is none (loopback). */
  saveDialog: SaveDialog | null;
};
