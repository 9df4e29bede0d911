export { createRoomsStore } from './rooms-store.ts';
export type { NewRoom, RoomsState, RoomsStore } from './rooms-store.ts';
export { RoomList } from './RoomList.tsx';
export { NewRoomDialog } from './NewRoomDialog.tsx';
export { NewDirectDialog } from './NewDirectDialog.tsx';
