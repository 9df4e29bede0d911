import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useOpenUpward } from './use-open-upward.ts';

export type MenuEntry = { id: string; label: string; run: () => void };

export type MessageMenuProps = {
  label: string;
  entries: readonly MenuEntry[];
  onClose: () => void;
};

/**
 * A message's context menu (right click, Shift+F10, the menu key): the toolbar's actions
 * as a menu, arrows to move, Enter to run, Esc or Tab to leave.
 */
export const MessageMenu = ({ label, entries, onClose }: MessageMenuProps) => {
  const menu = useRef<HTMLDivElement>(null);
  useOpenUpward(menu);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (event: MouseEvent): void => {
      if (!(event.target instanceof Node) || !menu.current?.contains(event.target)) {
        onClose();
      }
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('mousedown', onDown);
    };
  }, [onClose]);

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const items = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.findIndex((item) => item === document.activeElement);
    const next: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    const target = next[event.key];
    if (target !== undefined && items.length > 0) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div ref={menu} className="message-menu" role="menu" aria-label={label} data-testid="message-menu" onKeyDown={move}>
      {entries.map((entry) => (
        <button
          key={entry.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          data-testid={`menu-${entry.id}`}
          onClick={() => {
            onClose();
            entry.run();
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
};
