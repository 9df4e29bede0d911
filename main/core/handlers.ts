import { done } from './handlers/done.ts';
import type { RoomListEntry } from '../../shared/model/room.ts';
import type { AccountRuntime } from './account-runtime.ts';
import { coopHandlers } from './handlers/coop.ts';
import { importHandlers } from './handlers/import.ts';
import { mediaHandlers } from './handlers/media.ts';
import { securityHandlers } from './handlers/security.ts';
import { signedIn } from './handlers/signed-in.ts';
import { openRoomWindow, timelineHandlers } from './handlers/timeline.ts';
import { uploadHandlers } from './handlers/uploads.ts';
import type { Handlers } from './ipc/dispatcher.ts';
import type { Trust } from './matrix/trust/trust.ts';
import type { SettingsStore } from './profile/settings-store.ts';
import type { SaveDialog } from './ports.ts';
import type { Subscriptions } from './stream/subscriptions.ts';
import type { ConnectionState, SessionView, SignInInput } from '../../shared/model/session.ts';

/** What the handlers need from the core; the core hands itself over as this. */
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

const byId = (item: { id: string }): string => item.id;

/** One function per contract request, each receiving input the dispatcher already parsed. */
export const createHandlers = (deps: HandlerDeps): Handlers => ({
  'session:get': () => Promise.resolve(deps.runtime()?.account.view() ?? null),
  'session:signIn': (input) => deps.signIn(input),
  'session:signOut': () => done(deps.signOut()),
  'connection:get': () => Promise.resolve(deps.connectionState()),

  'settings:get': () => deps.settings.get(),
  'settings:setLanguage': (input) => deps.settings.update({ language: input.language }),

  'rooms:subscribe': (_input, context) =>
    Promise.resolve({
      subscription: deps.subscriptions.add<RoomListEntry>({
        connectionId: context.connectionId,
        roomId: null,
        compute: () => deps.runtime()?.roomList() ?? [],
        keyOf: byId,
        sink: (batch) => {
          context.emit('rooms:batch', batch);
        },
      }),
    }),
  'stream:resync': (input, context) => {
    deps.subscriptions.resync(input.subscription, context.connectionId);
    return Promise.resolve(null);
  },
  'stream:unsubscribe': (input, context) => {
    deps.subscriptions.remove(input.subscription, context.connectionId);
    return Promise.resolve(null);
  },

  'room:details': (input) => Promise.resolve(signedIn(deps).rooms.details(input.roomId)),
  'room:markRead': (input) => done(signedIn(deps).rooms.markRead(input.roomId)),
  'room:create': async (input) => ({ roomId: await signedIn(deps).rooms.create(input.name, input.topic, input.invite) }),
  'room:createDirect': async (input) => ({ roomId: await signedIn(deps).rooms.createDirect(input.userId) }),
  'room:invite': (input) => done(signedIn(deps).rooms.invite(input.roomId, input.userId)),
  'invite:accept': (input) => done(signedIn(deps).rooms.accept(input.roomId)),
  'invite:decline': (input) => done(signedIn(deps).rooms.decline(input.roomId)),

  'message:send': async (input) => ({ itemId: await signedIn(deps).sender.send(input.roomId, input.body) }),
  'message:retry': (input) => {
    signedIn(deps).sender.retry(input.roomId, input.itemId);
    return Promise.resolve(null);
  },
  'draft:get': (input) => signedIn(deps).drafts.get(input.roomId),
  'draft:set': (input) => done(signedIn(deps).drafts.set(input.roomId, input.text)),

  ...securityHandlers(deps),
  ...coopHandlers(deps),
  ...uploadHandlers(deps),
  ...mediaHandlers(deps),
  ...importHandlers(deps),
  ...timelineHandlers(deps, openRoomWindow),
});
