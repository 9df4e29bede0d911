import { RembukError } from '../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../shared/model/timeline.ts';
import { byId } from './handlers/by-id.ts';
import { coopHandlers } from './handlers/coop.ts';
import type { HandlerDeps } from './handlers/handler-deps.ts';
import { importHandlers } from './handlers/import.ts';
import { mediaHandlers } from './handlers/media.ts';
import { messageHandlers } from './handlers/messages.ts';
import { roomHandlers } from './handlers/rooms.ts';
import { securityHandlers } from './handlers/security.ts';
import { sessionHandlers } from './handlers/session.ts';
import { signedIn } from './handlers/signed-in.ts';
import { streamHandlers } from './handlers/stream.ts';
import { uploadHandlers } from './handlers/uploads.ts';
import type { Handlers } from './ipc/dispatcher.ts';
import { projectTimeline } from './matrix/timeline-projection.ts';

export type { HandlerDeps } from './handlers/handler-deps.ts';

/** How long opening a room waits for the first sync before saying the room is not there. */
const FIRST_SYNC_WAIT_MS = 15_000;

/** Every contract request, one area per file in `handlers/`, each receiving input the dispatcher already parsed. */
export const createHandlers = (deps: HandlerDeps): Handlers => ({
  ...sessionHandlers(deps),
  ...roomHandlers(deps),
  'timeline:subscribe': async (input, context) => {
    // A room picked from the list shown before the first sync is in: wait for its room to exist.
    const current = signedIn(deps);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([current.whenLive, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_SYNC_WAIT_MS)))]);
    clearTimeout(timer);
    if (current.account.room(input.roomId) === null) {
      throw new RembukError('room_not_found');
    }
    return {
      subscription: deps.subscriptions.add<TimelineItem>({
        connectionId: context.connectionId,
        roomId: input.roomId,
        compute: () => {
          const runtime = deps.runtime();
          const room = runtime?.account.room(input.roomId) ?? null;
          return runtime === null || room === null ? [] : projectTimeline(room, runtime.account.userId, runtime.media.projection());
        },
        keyOf: byId,
        sink: (batch) => {
          context.emit('timeline:batch', batch);
        },
      }),
    };
  },
  'timeline:paginate': async (input) => ({ hasMore: await signedIn(deps).rooms.paginate(input.roomId) }),
  ...streamHandlers(deps),
  ...messageHandlers(deps),
  ...securityHandlers(deps),
  ...coopHandlers(deps),
  ...uploadHandlers(deps),
  ...mediaHandlers(deps),
  ...importHandlers(deps),
});
