import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useRef, useState } from 'react';

export type MenuItem = {
  label: string;
  testId: string;
  onSelect: () => void;
};

export type MenuButtonProps = {
  /** The button's accessible name and tooltip: it shows only an icon. */
  label: string;
  icon: ReactNode;
  testId: string;
  items: readonly MenuItem[];
};

/**
 * An icon button that opens a menu (the WAI-ARIA menu button pattern): Enter, Space or ArrowDown
 * open it on the first item, ArrowUp on the last; the arrows, Home and End move between items;
 * Escape closes it and gives focus back to the button; Tab, a click outside or a choice close it.
 */
export const MenuButton = ({ label, icon, testId, items }: MenuButtonProps) => {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  /** Which item takes focus when the menu opens. */
  const [start, setStart] = useState<'first' | 'last'>('first');
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    itemRefs.current[start === 'first' ? 0 : items.length - 1]?.focus();
    const onPointer = (event: MouseEvent): void => {
      if (event.target instanceof Node && root.current?.contains(event.target) !== true) {
        setOpen(false);
      }
    };
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open, start, items.length]);

  const show = (from: 'first' | 'last'): void => {
    setStart(from);
    setOpen(true);
  };

  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const focused = itemRefs.current.findIndex((item) => item === document.activeElement);
    const move = (index: number): void => {
      event.preventDefault();
      itemRefs.current[(index + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        move(focused + 1);
        break;
      case 'ArrowUp':
        move(focused - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(items.length - 1);
        break;
      case 'Escape':
        // Not also the Escape of a dialog under the menu.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  return (
    <div className="menu-anchor" ref={root}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        data-testid={testId}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (open) {
            setOpen(false);
          } else {
            show('first');
          }
        }}
        onKeyDown={onButtonKey}
      >
        {icon}
      </button>
      {open && (
        <ul className="menu" id={menuId} role="menu" aria-label={label} onKeyDown={onMenuKey}>
          {items.map((item, index) => (
            <li key={item.testId} role="none">
              <button
                ref={(element) => {
                  itemRefs.current[index] = element;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                data-testid={item.testId}
                onClick={() => {
                  // Focus goes back to the button first, so a dialog the item opens returns it there.
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
