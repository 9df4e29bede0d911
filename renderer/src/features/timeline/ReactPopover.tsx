import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenUpward } from './use-open-upward.ts';

/** The emoji most reactions are, one click away (drawn with the bundled emoji font). */
export const QUICK_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const; // emoji-as-data: each is sent as the reaction's key

// A separate chunk: the picker and its emoji data load only when someone asks for more.
const EmojiPickerPanel = lazy(async () => {
  const module = await import('./EmojiPickerPanel.tsx');
  return { default: module.EmojiPickerPanel };
});

export type ReactPopoverProps = {
  onPick: (emoji: string) => void;
  onClose: () => void;
};

/** The quick row of emoji and, on request, the full picker. Esc closes it. */
export const ReactPopover = ({ onPick, onClose }: ReactPopoverProps) => {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  useOpenUpward(popover);

  useEffect(() => {
    first.current?.focus();
  }, []);

  return (
    <div
      ref={popover}
      className="react-popover"
      role="dialog"
      aria-label={t('reactions.quick')}
      data-testid="react-popover"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="quick-emoji" role="group" aria-label={t('reactions.quick')}>
        {QUICK_EMOJI.map((emoji, index) => (
          <button
            key={emoji}
            ref={index === 0 ? first : undefined}
            type="button"
            className="icon-button quick-emoji-button"
            data-testid="quick-emoji"
            aria-label={t('reactions.reactWith', { emoji })}
            onClick={() => {
              onPick(emoji);
            }}
          >
            {emoji}
          </button>
        ))}
        <button
          type="button"
          className="icon-button"
          data-testid="more-emoji"
          aria-label={t('reactions.more')}
          title={t('reactions.more')}
          aria-expanded={full}
          onClick={() => {
            setFull((open) => !open);
          }}
        >
          <span aria-hidden="true">＋</span>
        </button>
      </div>
      {full && (
        <Suspense fallback={<p className="muted">{t('reactions.loading')}</p>}>
          <EmojiPickerPanel onPick={onPick} />
        </Suspense>
      )}
    </div>
  );
};
