import { conversationHandlers } from './handlers/conversation.ts';
import { coopHandlers } from './handlers/coop.ts';
import type { HandlerDeps } from './handlers/handler-deps.ts';
import { importHandlers } from './handlers/import.ts';
import { mediaHandlers } from './handlers/media.ts';
import { messageHandlers } from './handlers/messages.ts';
import { roomHandlers } from './handlers/rooms.ts';
import { securityHandlers } from './handlers/security.ts';
import { sessionHandlers } from './handlers/session.ts';
import { streamHandlers } from './handlers/stream.ts';
import { openRoomWindow, timelineHandlers } from './handlers/timeline.ts';
import { uploadHandlers } from './handlers/uploads.ts';
import type { Handlers } from './ipc/dispatcher.ts';

export type { HandlerDeps } from './handlers/handler-deps.ts';

/** Every contract request, one area per file in `handlers/`, each receiving input the dispatcher already parsed. */
export const createHandlers = (deps: HandlerDeps): Handlers => ({
  ...sessionHandlers(deps),
  ...roomHandlers(deps),
  ...timelineHandlers(deps, openRoomWindow),
  ...streamHandlers(deps),
  ...messageHandlers(deps),
  ...conversationHandlers(deps),
  ...securityHandlers(deps),
  ...coopHandlers(deps),
  ...uploadHandlers(deps),
  ...mediaHandlers(deps),
  ...importHandlers(deps),
});
