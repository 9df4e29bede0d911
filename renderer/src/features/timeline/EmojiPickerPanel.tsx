import { EmojiPicker } from 'frimousse';
import { useTranslation } from 'react-i18next';
import { bundledEmojiData } from './emoji-data.ts';

export type EmojiPickerPanelProps = {
  onPick: (emoji: string) => void;
};

/**
 * The full emoji picker (frimousse). Only ever imported lazily (see ReactPopover), so its
 * code and data stay out of the first load.
 */
export const EmojiPickerPanel = ({ onPick }: EmojiPickerPanelProps) => {
  const { t } = useTranslation();
  return (
    <EmojiPicker.Root
      className="emoji-picker"
      columns={8}
      resolveEmojiData={bundledEmojiData}
      onEmojiSelect={(emoji) => {
        onPick(emoji.emoji);
      }}
    >
      <EmojiPicker.Search className="emoji-picker-search" aria-label={t('reactions.search')} placeholder={t('reactions.search')} autoFocus />
      <EmojiPicker.Viewport className="emoji-picker-viewport">
        <EmojiPicker.Loading className="muted">{t('reactions.loading')}</EmojiPicker.Loading>
        <EmojiPicker.Empty className="muted">{t('reactions.empty')}</EmojiPicker.Empty>
        <EmojiPicker.List className="emoji-picker-list" />
      </EmojiPicker.Viewport>
    </EmojiPicker.Root>
  );
};
