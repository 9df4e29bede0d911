/**
 * A WhatsApp transcript pasted into a message is byte-for-byte made of header lines
 * (reference §5). It is told apart by two signs together: its time lies well before a
 * header already seen, and its sender never writes anywhere else in the chat. Such a line
 * stays text in the message before it. Real exports do put some lines out of order (the
 * E2E notice after the group-creation lines), but by minutes, and from known people or
 * from the system.
 */
import type { WallClock } from './export-model.ts';
import { wallSeconds } from './wall-clock.ts';

export type HeaderFacts = {
  readonly ts: WallClock;
  readonly type: 'message' | 'system';
  readonly sender: string | null;
};

/** More than this far back counts as "going backwards". */
const BACKWARDS_SECONDS = 3600;

/** Indices of headers that are pasted text, in ascending order. */
export const findPastedHeaders = (headers: readonly HeaderFacts[]): Set<number> => {
  const backwards: boolean[] = [];
  let latest = Number.NEGATIVE_INFINITY;
  for (const header of headers) {
    const seconds = wallSeconds(header.ts);
    backwards.push(seconds < latest - BACKWARDS_SECONDS);
    latest = Math.max(latest, seconds);
  }
  const knownSenders = new Set<string>();
  headers.forEach((header, index) => {
    if (header.sender !== null && header.type === 'message' && backwards[index] !== true) {
      knownSenders.add(header.sender);
    }
  });
  const pasted = new Set<number>();
  let previousType: 'message' | 'system' | null = null;
  headers.forEach((header, index) => {
    const isPasted =
      backwards[index] === true && previousType === 'message' && header.type === 'message' && header.sender !== null && !knownSenders.has(header.sender);
    if (isPasted) {
      pasted.add(index);
    } else {
      previousType = header.type;
    }
  });
  return pasted;
};
