import type { RoomListEntry } from '../../../../shared/model/room.ts';

/** Rooms one can open: invites are answered in their row, not opened. */
const openable = (rooms: readonly RoomListEntry[]): RoomListEntry[] => rooms.filter((room) => room.membership !== 'invite');

/**
 * The room above (`step` -1) or below (+1) the selected one in the list's order, for Alt+Up/Down.
 * With none selected, Down starts at the top and Up at the bottom; at either end it stays (null).
 */
export const adjacentRoomId = (rooms: readonly RoomListEntry[], selectedId: string | null, step: 1 | -1): string | null => {
  const list = openable(rooms);
  const at = list.findIndex((room) => room.id === selectedId);
  const next = at < 0 ? (step === 1 ? 0 : list.length - 1) : at + step;
  return list[next]?.id ?? null;
};

/** Lower case without accents, so "kope" finds "Koperasi" and "cafe" finds "Café". */
const folded = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mark}/gu, '')
    .toLocaleLowerCase();

/**
 * The rooms whose name holds `query` (any case, any accents), for the quick switcher: names that
 * start with it first, then the rest, each in the list's order (newest activity first).
 */
export const matchRooms = (rooms: readonly RoomListEntry[], query: string): RoomListEntry[] => {
  const wanted = folded(query.trim());
  const list = openable(rooms);
  if (wanted === '') {
    return list;
  }
  const named = list.map((room) => ({ room, at: folded(room.name).indexOf(wanted) })).filter(({ at }) => at >= 0);
  return [...named.filter(({ at }) => at === 0), ...named.filter(({ at }) => at > 0)].map(({ room }) => room);
};
