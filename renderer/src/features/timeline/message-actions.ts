import { createContext, useContext } from 'react';
import type { IpcResult } from '../../../../shared/ipc/errors.ts';
import type { LinkPreview } from '../../../../shared/model/conversation.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import type { MatrixLink } from '../../lib/matrix-links.ts';

/** The items a member can act on (reply to, react to, edit, delete): what someone sent. */
export type ActionableItem = Extract<TimelineItem, { kind: 'message' | 'media' | 'poll' | 'sticker' | 'location' }>;

export const isActionable = (item: TimelineItem): item is ActionableItem =>
  item.kind === 'message' || item.kind === 'media' || item.kind === 'poll' || item.kind === 'sticker' || item.kind === 'location';

/** One line of an item, for a reply's banner. */
export const excerptOf = (item: ActionableItem): string => {
  switch (item.kind) {
    case 'message':
      // The words of formatted text, not its Markdown; the HTML is parsed inert (no scripts run, nothing loads).
      return (item.html === null ? item.body : new DOMParser().parseFromString(item.html, 'text/html').body.textContent).split('\n')[0] ?? '';
    case 'sticker':
    case 'location':
      return item.body.split('\n')[0] ?? '';
    case 'media':
      return item.caption ?? item.filename;
    case 'poll':
      return item.poll.question;
  }
};

/**
 * What a message's toolbar, menu, quote and chips do. The timeline provides them (the room's
 * own, or a thread panel's), so the items below stay plain views.
 */
export type MessageActions = {
  reply: (item: ActionableItem) => void;
  react: (eventId: string, key: string) => void;
  edit: (item: ActionableItem) => void;
  askDelete: (item: ActionableItem) => void;
  showVersions: (item: ActionableItem) => void;
  /** Null inside a thread panel: a thread has no threads of its own. */
  openThread: ((item: ActionableItem) => void) | null;
  jumpTo: (eventId: string) => void;
  vote: (pollId: string, answers: string[]) => Promise<IpcResult<null>>;
  /** A matrix.to or matrix: link in a message: opened inside Rembuk. */
  openMatrixLink: (link: MatrixLink, href: string) => void;
  /** A link's preview; null while the room has previews off. */
  previewLink: ((url: string) => Promise<IpcResult<LinkPreview | null>>) | null;
};

export const MessageActionsContext = createContext<MessageActions | null>(null);

export const useMessageActions = (): MessageActions | null => useContext(MessageActionsContext);
