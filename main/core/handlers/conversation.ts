import { done } from './done.ts';
import type { HandlerDeps } from './handler-deps.ts';
import { signedIn } from './signed-in.ts';
import type { Handlers } from '../ipc/dispatcher.ts';

type ConversationChannel =
  `message:${'edit' | 'redact' | 'react' | 'versions'}` | `room:${'typing' | 'mentionCandidates' | 'setLinkPreviews'}` | 'poll:vote' | 'link:preview';

/** A conversation beyond plain text: edits, deletes, reactions, versions, typing, mentions, polls of any client, link previews. */
export const conversationHandlers = (deps: HandlerDeps): Pick<Handlers, ConversationChannel> => ({
  'message:edit': (input) => done(signedIn(deps).conversation.edit(input)),
  'message:redact': (input) => done(signedIn(deps).conversation.redact(input)),
  'message:react': async (input) => ({ reacted: await signedIn(deps).conversation.react(input) }),
  'message:versions': (input) => signedIn(deps).conversation.versions(input),
  'room:typing': (input) => {
    signedIn(deps).conversation.typing(input.roomId, input.typing);
    return Promise.resolve(null);
  },
  'room:mentionCandidates': (input) => signedIn(deps).conversation.mentionCandidates(input.roomId, input.query),
  'room:setLinkPreviews': (input) => done(signedIn(deps).conversation.setLinkPreviews(input.roomId, input.enabled)),
  'poll:vote': (input) => done(signedIn(deps).conversation.vote(input)),
  'link:preview': (input) => signedIn(deps).conversation.linkPreview(input.roomId, input.url),
});
