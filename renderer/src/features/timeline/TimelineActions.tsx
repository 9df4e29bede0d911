import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { MatrixLink } from '../../lib/matrix-links.ts';
import { useStores } from '../../lib/stores-context.ts';
import type { ComposerStore } from '../composer/index.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import type { ActionableItem, MessageActions } from './message-actions.ts';
import { excerptOf, MessageActionsContext } from './message-actions.ts';
import { MatrixLinkDialog } from './MatrixLinkDialog.tsx';
import type { TimelineStore } from './timeline-store.ts';
import { VersionsDialog } from './VersionsDialog.tsx';

/** How long "not found" stays on screen. */
const NOTICE_MS = 4000;

type OpenDialog =
  { kind: 'none' } | { kind: 'delete'; eventId: string } | { kind: 'versions'; eventId: string } | { kind: 'link'; link: MatrixLink; href: string };

export type TimelineActionsProps = {
  timeline: TimelineStore;
  composer: ComposerStore;
  /** A thread panel's: its items open no thread of their own. */
  inThread: boolean;
  children: ReactNode;
};

/**
 * What the items of one timeline do, given to them by context, and the dialogs they open.
 * The dialogs live here rather than in the rows: Virtuoso unmounts rows that scroll away.
 */
export const TimelineActions = ({ timeline, composer, inThread, children }: TimelineActionsProps) => {
  const { t } = useTranslation();
  const { rooms, thread, threadComposer } = useStores();
  const [dialog, setDialog] = useState<OpenDialog>({ kind: 'none' });
  // A jump whose target main could not find (deleted for good, or never visible to us).
  const [notFound, setNotFound] = useState(false);
  useEffect(() => {
    if (!notFound) {
      return undefined;
    }
    const timer = setTimeout(() => {
      setNotFound(false);
    }, NOTICE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [notFound]);
  const linkPreviews = useStore(timeline.store, (state) => state.details?.linkPreviews === true);
  const close = useCallback(() => {
    setDialog({ kind: 'none' });
  }, []);

  const actions = useMemo((): MessageActions => {
    const withEvent = (item: ActionableItem, run: (eventId: string) => void): void => {
      if (item.eventId !== null) {
        run(item.eventId);
      }
    };
    const openThread = (item: ActionableItem): void => {
      const { roomId } = timeline.store.getState();
      withEvent(item, (eventId) => {
        if (roomId !== null) {
          void thread.open(roomId, eventId);
          void threadComposer.load(roomId, eventId);
        }
      });
    };
    return {
      reply: (item) => {
        withEvent(item, (eventId) => {
          composer.startReply({ eventId, senderName: item.senderName, excerpt: excerptOf(item) });
        });
      },
      react: (eventId, key) => void timeline.react(eventId, key),
      edit: (item) => {
        if (item.kind === 'message') {
          withEvent(item, (eventId) => {
            composer.startEdit(eventId, item.body);
          });
        }
      },
      askDelete: (item) => {
        withEvent(item, (eventId) => {
          setDialog({ kind: 'delete', eventId });
        });
      },
      showVersions: (item) => {
        withEvent(item, (eventId) => {
          setDialog({ kind: 'versions', eventId });
        });
      },
      openThread: inThread ? null : openThread,
      jumpTo: (eventId) => {
        void timeline.jump(eventId).then((found) => {
          setNotFound(!found);
        });
      },
      vote: timeline.vote,
      openMatrixLink: (link, href) => {
        if (link.kind === 'room') {
          const { roomId } = timeline.store.getState();
          const joined = rooms.store.getState().rooms.find((room) => room.id === link.target && room.membership === 'join');
          if (joined !== undefined) {
            if (joined.id === roomId && link.eventId !== null) {
              void timeline.jump(link.eventId);
            } else {
              rooms.select(joined.id);
            }
            return;
          }
        }
        setDialog({ kind: 'link', link, href });
      },
      previewLink: linkPreviews ? timeline.linkPreview : null,
    };
  }, [timeline, composer, inThread, rooms, thread, threadComposer, linkPreviews]);

  const loadVersions = useMemo(() => (dialog.kind === 'versions' ? () => timeline.versions(dialog.eventId) : null), [dialog, timeline]);

  return (
    <MessageActionsContext value={actions}>
      {children}
      <p className="timeline-notice" role="status" data-testid="timeline-notice">
        {notFound ? t('reply.notFound') : ''}
      </p>
      {dialog.kind === 'delete' && <DeleteDialog onDelete={() => timeline.redact(dialog.eventId)} onClose={close} />}
      {loadVersions !== null && <VersionsDialog load={loadVersions} onClose={close} />}
      {dialog.kind === 'link' && <MatrixLinkDialog link={dialog.link} href={dialog.href} onClose={close} />}
    </MessageActionsContext>
  );
};
