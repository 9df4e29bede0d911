import { useState } from 'react';
import { useStores } from '../../lib/stores-context.ts';

/**
 * Joining a room by a link (typed into the join dialog, or a matrix.to link clicked in a
 * message): a room that lets us in opens at once and the dialog closes; one that only takes
 * requests says the request went (`requested`). `join` answers main's result for `useRequest`.
 */
export const useJoinByLink = (onClose: () => void) => {
  const { imports, rooms } = useStores();
  const [requested, setRequested] = useState(false);
  const join = async (link: string) => {
    const result = await imports.joinLink(link);
    if (result.ok) {
      if (result.value.state === 'joined') {
        rooms.select(result.value.roomId);
        onClose();
      } else {
        setRequested(true);
      }
    }
    return result;
  };
  return { requested, join };
};
