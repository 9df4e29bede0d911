import type { KeyboardEvent, ReactNode } from 'react';
import { useCallback, useId, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ActionableItem, MessageActions } from './message-actions.ts';
import { useMessageActions } from './message-actions.ts';
import type { MenuEntry } from './MessageMenu.tsx';
import { MessageMenu } from './MessageMenu.tsx';
import { ReactionChips } from './ReactionChips.tsx';
import { ReactPopover } from './ReactPopover.tsx';
import { DeliveryLine, ReadReceipts } from './ReadReceipts.tsx';
import { ReplyQuote } from './ReplyQuote.tsx';
import { ThreadSummaryButton } from './ThreadSummaryButton.tsx';
import { DeleteIcon, EditIcon, MoreIcon, ReactIcon, ReplyIcon, type Icon } from '../../ui/icons.ts';

type Entry = MenuEntry & { icon: Icon | null; onToolbar: boolean };

const entriesFor = (item: ActionableItem, actions: MessageActions, openReact: () => void, t: TFunction): Entry[] => {
  const entries: Entry[] = [
    {
      id: 'reply',
      label: t('actions.reply'),
      icon: ReplyIcon,
      onToolbar: true,
      run: () => {
        actions.reply(item);
      },
    },
    { id: 'react', label: t('actions.react'), icon: ReactIcon, onToolbar: true, run: openReact },
  ];
  if (item.canEdit === true) {
    entries.push({
      id: 'edit',
      label: t('actions.edit'),
      icon: EditIcon,
      onToolbar: true,
      run: () => {
        actions.edit(item);
      },
    });
  }
  if (item.canRedact === true) {
    entries.push({
      id: 'delete',
      label: t('actions.delete'),
      icon: DeleteIcon,
      onToolbar: true,
      run: () => {
        actions.askDelete(item);
      },
    });
  }
  if (item.kind === 'message' && item.edited) {
    entries.push({
      id: 'versions',
      label: t('actions.versions'),
      icon: null,
      onToolbar: false,
      run: () => {
        actions.showVersions(item);
      },
    });
  }
  const { openThread } = actions;
  if (openThread !== null) {
    entries.push({
      id: 'thread',
      label: t('actions.replyInThread'),
      icon: null,
      onToolbar: false,
      run: () => {
        openThread(item);
      },
    });
  }
  return entries;
};

export type MessageFrameProps = {
  item: ActionableItem;
  /** The quote is drawn by the item itself (inside a text message's bubble) rather than above it. */
  quoteInside?: boolean;
  children: ReactNode;
};

/**
 * Around everything someone sent: the reply quote, the reactions, the thread's reply count,
 * who has read up to it, and the actions (a toolbar on hover or focus, the same as a context
 * menu). All of it stays inside the row, so Virtuoso measures what it shows; the toolbar and
 * the popovers are positioned over the row and change no height.
 */
export const MessageFrame = ({ item, quoteInside = false, children }: MessageFrameProps) => {
  const { t } = useTranslation();
  const actions = useMessageActions();
  const [menu, setMenu] = useState(false);
  const [reacting, setReacting] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const mentionId = useId();
  const eventId = item.eventId;

  const closeMenu = useCallback(() => {
    setMenu(false);
    frame.current?.focus();
  }, []);
  const closeReact = useCallback(() => {
    setReacting(false);
    frame.current?.focus();
  }, []);

  // A local echo has no event yet: nothing to reply to or react to until the server has it.
  const entries =
    actions === null || eventId === null
      ? []
      : entriesFor(
          item,
          actions,
          () => {
            setReacting(true);
          },
          t,
        );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      if (entries.length > 0) {
        event.preventDefault();
        setMenu(true);
      }
    }
  };

  const moveInToolbar = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
    const at = buttons.findIndex((button) => button === document.activeElement);
    const step: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 };
    const next = step[event.key];
    if (next !== undefined && at >= 0) {
      event.preventDefault();
      // Home and End here move in the toolbar, not the timeline.
      event.stopPropagation();
      buttons[(next + buttons.length) % buttons.length]?.focus();
    }
  };

  const classes = ['message-frame', item.mentionsMe === true ? 'mentions-me' : ''].filter(Boolean).join(' ');
  return (
    <div
      ref={frame}
      className={classes}
      data-testid="message-frame"
      // Each message is an article of the log (the feed pattern): focusable, so the keyboard
      // reaches its toolbar and Shift+F10 opens its menu.
      role="article"
      aria-keyshortcuts={entries.length > 0 ? 'Shift+F10' : undefined}
      tabIndex={entries.length > 0 ? 0 : undefined}
      aria-describedby={item.mentionsMe === true ? mentionId : undefined}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => {
        if (entries.length > 0) {
          event.preventDefault();
          setMenu(true);
        }
      }}
    >
      {item.mentionsMe === true && (
        <span id={mentionId} className="visually-hidden">
          {t('mentions.mentionsMe')}
        </span>
      )}
      {!quoteInside && item.replyTo !== undefined && <ReplyQuote quote={item.replyTo} />}
      {children}
      {eventId !== null && item.reactions !== undefined && <ReactionChips eventId={eventId} reactions={item.reactions} />}
      {item.thread !== undefined && item.thread.count > 0 && <ThreadSummaryButton item={item} thread={item.thread} />}
      {item.delivery !== undefined && <DeliveryLine delivery={item.delivery} />}
      {item.readBy !== undefined && <ReadReceipts readBy={item.readBy} />}
      {entries.length > 0 && (
        <div className="message-toolbar" role="toolbar" aria-label={t('actions.label')} data-testid="message-toolbar" onKeyDown={moveInToolbar}>
          {entries
            .filter((entry) => entry.onToolbar)
            .map((entry, index) => (
              <button
                key={entry.id}
                type="button"
                // One tab stop per toolbar (its first button); arrows move within it.
                tabIndex={index === 0 ? 0 : -1}
                className="icon-button"
                data-testid={`action-${entry.id}`}
                aria-label={entry.label}
                title={entry.label}
                aria-expanded={entry.id === 'react' ? reacting : undefined}
                onClick={entry.run}
              >
                {entry.icon !== null && <entry.icon aria-hidden="true" />}
              </button>
            ))}
          <button
            type="button"
            className="icon-button"
            data-testid="action-more"
            tabIndex={-1}
            aria-label={t('actions.more')}
            title={t('actions.more')}
            aria-haspopup="menu"
            aria-expanded={menu}
            onClick={() => {
              setMenu(true);
            }}
          >
            <MoreIcon aria-hidden="true" />
          </button>
        </div>
      )}
      {menu && <MessageMenu label={t('actions.menu', { name: item.senderName })} entries={entries} onClose={closeMenu} />}
      {reacting && eventId !== null && actions !== null && (
        <ReactPopover
          onPick={(emoji) => {
            actions.react(eventId, emoji);
            closeReact();
          }}
          onClose={closeReact}
        />
      )}
    </div>
  );
};
