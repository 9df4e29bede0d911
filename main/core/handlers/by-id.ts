/** The key of a streamed list's item: room list entries and timeline items carry their own id. */
export const byId = (item: { id: string }): string => item.id;
