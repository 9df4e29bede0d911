import { done } from './done.ts';
import { signedIn } from './signed-in.ts';
import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import { toRembukError } from '../matrix/matrix-errors.ts';

type ImportChannel =
  `import:${'open' | 'reparse' | 'checkUser' | 'start' | 'list' | 'pause' | 'resume' | 'cancel' | 'discard'}` | `room:${'link' | 'knocks' | 'joinLink'}`;

/** Moving a WhatsApp group over: the import, then the link that brings its members. */
export const importHandlers = (deps: HandlerDeps): Pick<Handlers, ImportChannel> => ({
  'import:open': (input) => signedIn(deps).imports.open(input.uploadId),
  'import:reparse': (input) =>
    signedIn(deps).imports.reparse(input.importId, {
      ...(input.dateOrder === undefined ? {} : { dateOrder: input.dateOrder }),
      ...(input.chatFileName === undefined ? {} : { chatFileName: input.chatFileName }),
    }),
  'import:checkUser': async (input) => {
    const { gateway } = signedIn(deps);
    try {
      const displayName = await gateway.imports.displayName(input.userId);
      return { userId: input.userId, displayName: displayName ?? input.userId };
    } catch (error) {
      throw toRembukError(error, 'user_not_found');
    }
  },
  'import:start': (input) => signedIn(deps).imports.start(input),
  'import:list': () => Promise.resolve(signedIn(deps).imports.list()),
  'import:pause': (input) => done(signedIn(deps).imports.pause(input.importId)),
  'import:resume': (input) => done(signedIn(deps).imports.resume(input.importId)),
  'import:cancel': (input) => done(signedIn(deps).imports.cancel(input.importId)),
  'import:discard': (input) => done(signedIn(deps).imports.discard(input.importId)),
  'room:link': (input) => Promise.resolve(signedIn(deps).gateway.imports.roomLink(input.roomId)),
  'room:knocks': (input) => Promise.resolve(signedIn(deps).gateway.imports.knocks(input.roomId)),
  'room:joinLink': (input) => signedIn(deps).gateway.imports.joinByLink(input.link),
});
