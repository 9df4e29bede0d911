import type { RoomsStore } from './rooms-store.ts';
export { createRoomsStore } from './rooms-store.ts';
export type { NewRoom, RoomsState, RoomsStore } from './rooms-store.ts';
export { RoomList } from './RoomList.tsx';
export { NewRoomDialog } from './NewRoomDialog.tsx';
export { NewDirectDialog } from './NewDirectDialog.tsx';
export { RoomSwitcher } from './RoomSwitcher.tsx';
export { adjacentRoomId, matchRooms } from './room-navigation.ts';

// This feature's stores, in the app's set that `useStores()` returns (see lib/stores-context.ts).
declare module '../../lib/stores-context.ts' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merged into the app's AppStores
  interface AppStores {
    rooms: RoomsStore;
  }
}
