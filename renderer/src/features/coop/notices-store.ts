import type { i18n as I18n, TFunction } from 'i18next';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { CoopNotice } from '../../../../shared/model/coop.ts';
import type { Language } from '../../../../shared/model/settings.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { fullTime } from '../../lib/format-time.ts';
import type { SystemNotifier } from '../../lib/system-notifications.ts';

export type NoticeItem = CoopNotice & { key: string };

export type NoticesState = {
  /** Oldest first; at most `MAX_NOTICES`. */
  items: NoticeItem[];
};

export type NoticesDeps = {
  /** The system's notifications, or null where there are none. */
  notifier: SystemNotifier | null;
  /** The language the UI is in right now, for the system notification's text. */
  language: () => Language;
  /** Shows the proposal a notice is about (the Co-op tab, its co-op, the proposal). */
  open: (roomId: string, proposalId: string) => void;
};

export type NoticesStore = {
  store: StoreApi<NoticesState>;
  dismiss: (key: string) => void;
  /** Opens the notice's proposal and dismisses it. */
  open: (key: string) => void;
  /** Asks the system for permission to notify, at most once per run, and only if never answered. */
  requestPermission: () => Promise<void>;
  reset: () => void;
  dispose: () => void;
};

export const MAX_NOTICES = 4;

/** The line a notice says, in the member's language. */
export const noticeText = (notice: CoopNotice, t: TFunction): string =>
  notice.kind === 'newProposal'
    ? t('coop.notice.newProposal', { coop: notice.coopName, title: notice.title })
    : t('coop.notice.closingSoon', { title: notice.title });

const noticeKey = (notice: CoopNotice): string => `${notice.kind}|${notice.roomId}|${notice.proposalId}`;

export const createNoticesStore = (bridge: Bridge, deps: NoticesDeps): NoticesStore => {
  const store = createStore<NoticesState>(() => ({ items: [] }));
  // Built on the first notice that needs it: both catalogues are loaded, so it serves either language.
  let i18n: I18n | undefined;
  const translate = (language: Language): TFunction => {
    i18n ??= createI18n(language);
    return i18n.getFixedT(language);
  };
  let askedPermission = false;

  const notifySystem = (notice: NoticeItem): void => {
    const { notifier } = deps;
    if (notifier === null || notifier.permission() !== 'granted') {
      return;
    }
    const language = deps.language();
    const t = translate(language);
    notifier.show(noticeText(notice, t), { body: t('coop.notice.closesAt', { time: fullTime(notice.closesAt, language) }), tag: notice.key }, () => {
      deps.open(notice.roomId, notice.proposalId);
      dismiss(notice.key);
    });
  };

  const dismiss = (key: string): void => {
    store.setState((state) => ({ items: state.items.filter((item) => item.key !== key) }));
  };

  const stopNotice = bridge.on('coop:notice', (notice) => {
    const item: NoticeItem = { ...notice, key: noticeKey(notice) };
    // A repeated notice replaces the old one instead of stacking up.
    store.setState((state) => ({ items: [...state.items.filter((other) => other.key !== item.key), item].slice(-MAX_NOTICES) }));
    notifySystem(item);
  });

  return {
    store,
    dismiss,
    open: (key) => {
      const item = store.getState().items.find((notice) => notice.key === key);
      if (item !== undefined) {
        deps.open(item.roomId, item.proposalId);
        dismiss(key);
      }
    },
    requestPermission: async () => {
      const { notifier } = deps;
      if (askedPermission || notifier === null || notifier.permission() !== 'default') {
        return;
      }
      askedPermission = true;
      await notifier.requestPermission();
    },
    reset: () => {
      store.setState({ items: [] });
    },
    dispose: stopNotice,
  };
};
