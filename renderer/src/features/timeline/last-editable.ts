import type { TimelineItem } from '../../../../shared/model/timeline.ts';

/** The newest text message this member may edit (what Up in an empty composer opens). */
export const lastEditable = (items: readonly TimelineItem[]): { eventId: string; body: string } | null => {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index];
    if (item?.kind === 'message' && item.own && item.canEdit === true && item.eventId !== null) {
      return { eventId: item.eventId, body: item.body };
    }
  }
  return null;
};
