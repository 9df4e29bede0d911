import type { TFunction } from 'i18next';
import type { ReactionGroup } from '../../../../shared/model/conversation.ts';

/** Names shown in a reaction's tooltip before "and N others". */
const NAMES_SHOWN = 5;

/** "Budi, Sari" or "Budi, Sari, … dan 3 lainnya": who reacted, for the tooltip and the label. */
export const reactorsText = (group: ReactionGroup, t: TFunction): string => {
  const shown = group.senders.slice(0, NAMES_SHOWN);
  const others = group.count - shown.length;
  const names = shown.join(', ');
  return others > 0 ? t('reactions.andOthers', { names, count: others }) : names;
};
