import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { Composer } from '../composer/index.ts';
import { lastEditable } from './last-editable.ts';
import { Timeline } from './Timeline.tsx';

/** A thread beside the room: its root and replies (a second subscription) and a composer into it. */
export const ThreadPanel = ({ roomName }: { roomName: string }) => {
  const { t } = useTranslation();
  const { thread, threadComposer, timeline } = useStores();
  const open = useStore(thread.store, (state) => state.threadRootId !== null);
  const canMentionRoom = useStore(timeline.store, (state) => state.details?.canMentionRoom === true);
  if (!open) {
    return null;
  }
  const close = (): void => {
    thread.close();
    void threadComposer.load(null);
  };
  return (
    <aside
      className="thread-panel"
      aria-label={t('thread.title')}
      data-testid="thread-panel"
      onKeyDown={(event) => {
        // Esc that closed something inside (the @ list, a menu, a dialog, a reply) is not for the panel.
        const inDialog = event.target instanceof Element && event.target.closest('[role="dialog"], [role="menu"]') !== null;
        const { replyTo, editing } = threadComposer.store.getState();
        if (event.key === 'Escape' && !event.defaultPrevented && !inDialog && replyTo === null && editing === null) {
          close();
        }
      }}
    >
      <header className="thread-header">
        <h3>{t('thread.title')}</h3>
        <button type="button" className="icon-button" data-testid="thread-close" aria-label={t('thread.close')} title={t('thread.close')} onClick={close}>
          ×
        </button>
      </header>
      <Timeline roomName={`${roomName} — ${t('thread.title')}`} store={thread} composer={threadComposer} />
      <Composer
        store={threadComposer}
        attachments={false}
        testId="thread-composer"
        label={t('thread.composer')}
        canMentionRoom={canMentionRoom}
        lastEditable={() => lastEditable(thread.store.getState().items)}
      />
    </aside>
  );
};
