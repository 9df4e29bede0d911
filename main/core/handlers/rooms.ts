import type { RoomListEntry } from '../../../shared/model/room.ts';
import { byId } from './by-id.ts';
import { done } from './done.ts';
import type { HandlerDeps } from './handler-deps.ts';
import { signedIn } from './signed-in.ts';
import type { Handlers } from '../ipc/dispatcher.ts';

type RoomsChannel = 'rooms:subscribe' | `room:${'details' | 'markRead' | 'create' | 'createDirect' | 'invite'}` | `invite:${'accept' | 'decline'}`;

/** The room list stream, and what a member does to rooms: open details, read, create, invite, answer invites. */
export const roomHandlers = (deps: HandlerDeps): Pick<Handlers, RoomsChannel> => ({
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

  'room:details': (input) => Promise.resolve(signedIn(deps).rooms.details(input.roomId)),
  'room:markRead': async (input) => {
    const { privateReceipts } = await deps.settings.get();
    return done(signedIn(deps).rooms.markRead(input.roomId, privateReceipts));
  },
  'room:create': async (input) => ({ roomId: await signedIn(deps).rooms.create(input.name, input.topic, input.invite) }),
  'room:createDirect': async (input) => ({ roomId: await signedIn(deps).rooms.createDirect(input.userId) }),
  'room:invite': (input) => done(signedIn(deps).rooms.invite(input.roomId, input.userId)),
  'invite:accept': (input) => done(signedIn(deps).rooms.accept(input.roomId)),
  'invite:decline': (input) => done(signedIn(deps).rooms.decline(input.roomId)),
});
