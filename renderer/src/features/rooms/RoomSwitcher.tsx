import type { KeyboardEvent } from 'react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useStores } from '../../lib/stores-context.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { LockIcon } from '../../ui/icons.ts';
import { matchRooms } from './room-navigation.ts';

/** A long list is not read through: the first rooms that match are enough to pick from. */
const MAX_SHOWN = 50;

export type RoomSwitcherProps = {
  /** A room was chosen (the switcher has already selected it). */
  onOpened: () => void;
  onClose: () => void;
};

/**
 * Ctrl+K (Cmd+K): a filter field over a listbox of rooms (the combobox pattern). Typing filters,
 * the arrows move the highlighted room, Enter or a click opens it, Escape closes the switcher.
 */
export const RoomSwitcher = ({ onOpened, onClose }: RoomSwitcherProps) => {
  const { t } = useTranslation();
  const { rooms: roomsStore } = useStores();
  const rooms = useStore(roomsStore.store, (state) => state.rooms);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const optionId = (index: number): string => `${listId}-${String(index)}`;
  const matches = matchRooms(rooms, query).slice(0, MAX_SHOWN);
  const current = Math.min(active, matches.length - 1);

  const open = (roomId: string): void => {
    roomsStore.select(roomId);
    onOpened();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length > 0) {
        setActive((current + (event.key === 'ArrowDown' ? 1 : -1) + matches.length) % matches.length);
      }
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      const room = matches[current];
      if (room !== undefined) {
        open(room.id);
      }
    }
  };

  return (
    <Dialog title={t('rooms.switcher.title')} onClose={onClose} testId="room-switcher">
      <div className="dialog-body room-switcher">
        <input
          type="text"
          role="combobox"
          aria-label={t('rooms.switcher.label')}
          aria-expanded={matches.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches.length > 0 ? optionId(current) : undefined}
          placeholder={t('rooms.switcher.placeholder')}
          data-testid="room-switcher-input"
          autoFocus
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        {matches.length === 0 && (
          <p className="muted" role="status">
            {t('rooms.switcher.none')}
          </p>
        )}
        <ul className="room-switcher-list" id={listId} role="listbox" aria-label={t('rooms.listLabel')} data-testid="room-switcher-list">
          {matches.map((room, index) => (
            <li
              key={room.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              className={index === current ? 'room-switcher-option active' : 'room-switcher-option'}
              data-testid="room-switcher-option"
              data-room-id={room.id}
              onMouseDown={(event) => {
                // Keeps focus in the field, where the keys are.
                event.preventDefault();
              }}
              onClick={() => {
                open(room.id);
              }}
            >
              <Avatar id={room.id} initials={room.initials} />
              <span className="room-switcher-name">{room.name}</span>
              {room.encrypted && (
                <span className="room-lock" role="img" aria-label={t('room.encrypted')} title={t('room.encrypted')}>
                  <LockIcon />
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
};
