/**
 * The main window's first size and the smallest a member can make it. The layout is
 * checked at the minimum (e2e/specs/screens.spec.ts): the room list, a room and its
 * composer stay reachable and nothing overflows sideways.
 */
export const MAIN_WINDOW_SIZE = { width: 1100, height: 760, minWidth: 480, minHeight: 420 } as const;
