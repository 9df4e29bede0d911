import type { Language } from '../../../shared/model/settings.ts';
import { createComposerStore } from '../features/composer/index.ts';
import { createCoopStore, createNoticesStore } from '../features/coop/index.ts';
import { createImportStore } from '../features/import/index.ts';
import { createConnectionStore } from '../features/connection/index.ts';
import { createRoomsStore } from '../features/rooms/index.ts';
import { createSecurityStore } from '../features/security/index.ts';
import { createSessionStore } from '../features/session/index.ts';
import { createSettingsStore } from '../features/settings/index.ts';
import type { BrowserSaver, MediaProbe } from '../features/media/index.ts';
import { browserProbe, createBrowserSaver, createMediaStore } from '../features/media/index.ts';
import { createTimelineStore } from '../features/timeline/index.ts';
import { createVerificationStore } from '../features/verification/index.ts';
import type { Transport } from '../lib/loopback-bridge.ts';
import type { AppStores } from '../lib/stores-context.ts';
import type { SystemNotifier } from '../lib/system-notifications.ts';

export type AppDeps = {
  transport: Transport;
  systemLanguages: () => readonly string[];
  applyLanguage: (language: Language) => void;
  isFocused: () => boolean;
  draftDebounceMs?: number;
  /** The system's notifications for co-op reminders; none when omitted. */
  notifier?: SystemNotifier | null;
  /** How images and audio are measured before sending, and how downloads are saved without main's dialog; the browser's own when omitted. */
  mediaProbe?: MediaProbe;
  mediaSaver?: BrowserSaver;
};

export type App = {
  stores: AppStores;
  /** Asks main for the session, settings and connection; streams follow the session. */
  start: () => Promise<void>;
  windowFocused: () => void;
  dispose: () => void;
};

/**
 * The composition root of the renderer: builds the stores on one bridge and wires how
 * they follow each other, so components only read state and call actions.
 */
export const createApp = (deps: AppDeps): App => {
  const { bridge } = deps.transport;
  const settings = createSettingsStore(bridge, { systemLanguages: deps.systemLanguages, applyLanguage: deps.applyLanguage });
  const coop = createCoopStore(bridge);
  // The open room is read only while it is on screen: not while the Co-op tab covers it.
  const roomVisible = (): boolean => deps.isFocused() && coop.store.getState().tab === 'chats';
  const stores: AppStores = {
    session: createSessionStore(bridge),
    connection: createConnectionStore(bridge, deps.transport.status()),
    settings,
    rooms: createRoomsStore(bridge),
    timeline: createTimelineStore(bridge, { isFocused: roomVisible }),
    thread: createTimelineStore(bridge, { isFocused: roomVisible, marksRead: false }),
    composer: createComposerStore(bridge, { debounceMs: deps.draftDebounceMs }),
    threadComposer: createComposerStore(bridge, { drafts: false }),
    media: createMediaStore(bridge, { probe: deps.mediaProbe ?? browserProbe, saver: deps.mediaSaver ?? createBrowserSaver() }),
    security: createSecurityStore(bridge),
    verification: createVerificationStore(bridge),
    coop,
    imports: createImportStore(bridge),
    notices: createNoticesStore(bridge, {
      notifier: deps.notifier ?? null,
      language: () => settings.store.getState().language,
      open: (roomId, proposalId) => {
        coop.openFrom(roomId, proposalId);
      },
    }),
  };
  const { session, connection, rooms, timeline, thread, composer, threadComposer, security, verification, notices } = stores;

  const loadTrust = async (): Promise<void> => {
    await Promise.all([security.load(), verification.load()]);
  };

  const stopSession = session.store.subscribe((state, prev) => {
    if (state.status === prev.status && state.session?.userId === prev.session?.userId) {
      return;
    }
    if (state.status === 'signedIn') {
      void rooms.start();
      void connection.load();
      void loadTrust();
      void coop.start();
      void stores.imports.start();
    } else {
      rooms.stop();
      security.reset();
      verification.reset();
      coop.reset();
      stores.imports.reset();
      stores.media.reset();
      notices.reset();
    }
  });

  // The member is looking at the co-ops: the moment to ask whether Rembuk may notify them about proposals.
  const stopCoopTab = coop.store.subscribe((state, prev) => {
    if (state.tab === prev.tab) {
      return;
    }
    if (state.tab === 'coop') {
      void notices.requestPermission();
    } else {
      // Back on the chats: what arrived meanwhile is now in view.
      timeline.markRead();
    }
  });

  // A verification that just finished changes who is trusted: the devices on screen follow.
  const stopVerification = verification.store.subscribe((state, prev) => {
    const done = (items: typeof state.items): number => items.filter((item) => item.phase === 'done').length;
    if (done(state.items) > done(prev.items)) {
      void security.refreshDevices();
    }
  });

  const stopRooms = rooms.store.subscribe((state, prev) => {
    if (state.selectedRoomId === prev.selectedRoomId) {
      return;
    }
    // A thread belongs to the room it was opened in.
    thread.close();
    void threadComposer.load(null);
    if (state.selectedRoomId === null) {
      timeline.close();
    } else {
      // Picking a room shows it, over the import pane too.
      stores.imports.hide();
      void timeline.open(state.selectedRoomId);
    }
    void composer.load(state.selectedRoomId);
  });

  const load = async (): Promise<void> => {
    await Promise.all([session.load(), settings.load(), connection.load()]);
  };

  // Main drops a connection's subscriptions with it, so after a reconnect every stream
  // starts over; a session that changed meanwhile restarts them through its subscriber.
  const resume = async (): Promise<void> => {
    const before = session.store.getState().status;
    await load();
    if (before === 'signedIn' && session.store.getState().status === 'signedIn') {
      await Promise.all([rooms.start(), timeline.reopen(), thread.reopen(), loadTrust(), coop.refresh(), stores.imports.start()]);
    }
  };

  let lostLink = false;
  const stopTransport = deps.transport.onStatus((status) => {
    connection.setTransport(status);
    if (status === 'closed') {
      lostLink = true;
    } else if (status === 'open' && lostLink) {
      lostLink = false;
      void resume();
    }
  });

  return {
    stores,
    start: load,
    windowFocused: () => {
      timeline.markRead();
    },
    dispose: () => {
      stopTransport();
      stopSession();
      stopRooms();
      stopVerification();
      stopCoopTab();
      composer.flush();
      for (const store of [
        session,
        connection,
        rooms,
        timeline,
        thread,
        composer,
        threadComposer,
        security,
        verification,
        coop,
        notices,
        stores.imports,
        stores.media,
      ]) {
        store.dispose();
      }
    },
  };
};
