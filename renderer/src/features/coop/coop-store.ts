import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { RequestInput } from '../../../../shared/ipc/contract.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { CoopSummary, CoopView, ProposalView } from '../../../../shared/model/coop.ts';

export type SidebarTab = 'chats' | 'coop';

export type CoopState = {
  /** Which of the sidebar's tabs is showing; the main pane follows it. */
  tab: SidebarTab;
  /** The member's co-ops, in main's order. */
  coops: CoopSummary[];
  loaded: boolean;
  listError: ErrorCode | null;
  selectedRoomId: string | null;
  /** The selected co-op; null until main answers (and while another one loads). */
  view: CoopView | null;
  viewError: ErrorCode | null;
  /** The proposal open in the main pane, if any, within the selected co-op. */
  proposalId: string | null;
  proposal: ProposalView | null;
  proposalError: ErrorCode | null;
};

export type NewCoop = RequestInput<'coop:create'>;
export type NewProposal = Omit<RequestInput<'coop:propose'>, 'roomId'>;

export type CoopStore = {
  store: StoreApi<CoopState>;
  showTab: (tab: SidebarTab) => void;
  /** Signed in: fetch the list. */
  start: () => Promise<void>;
  /** Signed out: nothing of the last account stays. */
  reset: () => void;
  /** Fetches everything on screen again (after the link to main came back). */
  refresh: () => Promise<void>;
  select: (roomId: string | null) => void;
  openProposal: (proposalId: string | null) => void;
  /** Shows a proposal from a notice: the Co-op tab, its co-op, then the proposal. */
  openFrom: (roomId: string, proposalId: string) => void;
  create: (coop: NewCoop) => Promise<IpcResult<{ roomId: string; spaceId: string }>>;
  assignClass: (roomId: string, userId: string, classId: string | null) => Promise<IpcResult<null>>;
  setSecretary: (roomId: string, userId: string, secretary: boolean) => Promise<IpcResult<null>>;
  invite: (roomId: string, userId: string) => Promise<IpcResult<null>>;
  propose: (roomId: string, proposal: NewProposal) => Promise<IpcResult<{ proposalId: string }>>;
  /** Casts or changes the ballot; an empty list withdraws it. */
  vote: (roomId: string, proposalId: string, answers: string[]) => Promise<IpcResult<null>>;
  close: (roomId: string, proposalId: string) => Promise<IpcResult<null>>;
  dispose: () => void;
};

const initial = (): CoopState => ({
  tab: 'chats',
  coops: [],
  loaded: false,
  listError: null,
  selectedRoomId: null,
  view: null,
  viewError: null,
  proposalId: null,
  proposal: null,
  proposalError: null,
});

export const createCoopStore = (bridge: Bridge): CoopStore => {
  const store = createStore<CoopState>(initial);
  // Bumped on reset, so an answer to a request from the last session is dropped.
  let generation = 0;

  const loadList = async (): Promise<void> => {
    const asked = generation;
    const result = await bridge.invoke('coop:list', {});
    if (asked !== generation) {
      return;
    }
    store.setState(result.ok ? { coops: result.value, loaded: true, listError: null } : { listError: result.error.code });
  };

  // Answers can arrive after the member moved on: only the one for what is still selected is kept.
  const loadView = async (roomId: string): Promise<void> => {
    const asked = generation;
    const result = await bridge.invoke('coop:get', { roomId });
    if (asked !== generation || store.getState().selectedRoomId !== roomId) {
      return;
    }
    store.setState(result.ok ? { view: result.value, viewError: null } : { viewError: result.error.code });
  };

  const loadProposal = async (roomId: string, proposalId: string): Promise<void> => {
    const asked = generation;
    const result = await bridge.invoke('coop:proposal', { roomId, proposalId });
    const state = store.getState();
    if (asked !== generation || state.selectedRoomId !== roomId || state.proposalId !== proposalId) {
      return;
    }
    store.setState(result.ok ? { proposal: result.value, proposalError: null } : { proposalError: result.error.code });
  };

  /** The selected co-op and its open proposal, fetched again. */
  const reloadSelected = async (roomId: string): Promise<void> => {
    const { selectedRoomId, proposalId } = store.getState();
    if (selectedRoomId !== roomId) {
      return;
    }
    await Promise.all([loadView(roomId), proposalId === null ? undefined : loadProposal(roomId, proposalId)]);
  };

  const select = (roomId: string | null): void => {
    const state = store.getState();
    if (roomId === state.selectedRoomId) {
      if (state.proposalId !== null) {
        store.setState({ proposalId: null, proposal: null, proposalError: null });
      }
      return;
    }
    store.setState({ selectedRoomId: roomId, view: null, viewError: null, proposalId: null, proposal: null, proposalError: null });
    if (roomId !== null) {
      void loadView(roomId);
    }
  };

  const openProposal = (proposalId: string | null): void => {
    const { selectedRoomId } = store.getState();
    store.setState({ proposalId, proposal: null, proposalError: null });
    if (selectedRoomId !== null && proposalId !== null) {
      void loadProposal(selectedRoomId, proposalId);
    }
  };

  const stopChanged = bridge.on('coop:changed', ({ roomId }) => {
    void loadList();
    if (roomId !== null) {
      void reloadSelected(roomId);
    }
  });

  /** After a change of our own, main also says `coop:changed`; fetching at once keeps the screen in step. */
  const thenReload = async <T>(roomId: string, result: IpcResult<T>): Promise<IpcResult<T>> => {
    if (result.ok) {
      await reloadSelected(roomId);
    }
    return result;
  };

  return {
    store,
    showTab: (tab) => {
      store.setState({ tab });
    },
    start: loadList,
    reset: () => {
      generation += 1;
      store.setState(initial());
    },
    refresh: async () => {
      const { selectedRoomId } = store.getState();
      await Promise.all([loadList(), selectedRoomId === null ? undefined : reloadSelected(selectedRoomId)]);
    },
    select,
    openProposal,
    openFrom: (roomId, proposalId) => {
      store.setState({ tab: 'coop' });
      select(roomId);
      openProposal(proposalId);
    },
    create: async (coop) => {
      const result = await bridge.invoke('coop:create', coop);
      if (result.ok) {
        store.setState({ tab: 'coop' });
        select(result.value.roomId);
        await loadList();
      }
      return result;
    },
    assignClass: async (roomId, userId, classId) => thenReload(roomId, await bridge.invoke('coop:assignClass', { roomId, userId, classId })),
    setSecretary: async (roomId, userId, secretary) => thenReload(roomId, await bridge.invoke('coop:setSecretary', { roomId, userId, secretary })),
    invite: async (roomId, userId) => thenReload(roomId, await bridge.invoke('room:invite', { roomId, userId })),
    propose: async (roomId, proposal) => {
      const result = await bridge.invoke('coop:propose', { ...proposal, roomId });
      if (result.ok && store.getState().selectedRoomId === roomId) {
        openProposal(result.value.proposalId);
        void loadView(roomId);
      }
      return result;
    },
    vote: async (roomId, proposalId, answers) => thenReload(roomId, await bridge.invoke('coop:vote', { roomId, proposalId, answers })),
    close: async (roomId, proposalId) => thenReload(roomId, await bridge.invoke('coop:close', { roomId, proposalId })),
    dispose: stopChanged,
  };
};
