import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewDirectDialog, NewRoomDialog, RoomList } from '../features/rooms/index.ts';
import { SettingsDialog } from '../features/settings/index.ts';

type OpenDialog = 'none' | 'newRoom' | 'newDirect' | 'settings';

export const Sidebar = () => {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<OpenDialog>('none');
  /** A click handler that opens `next` (or, with 'none', closes the open dialog). */
  const show = (next: OpenDialog) => (): void => {
    setDialog(next);
  };
  const close = show('none');

  return (
    <aside className="sidebar">
      <header className="sidebar-header">
        <h1 className="sidebar-title">{t('rooms.heading')}</h1>
        <button
          type="button"
          className="icon-button"
          data-testid="settings-open"
          aria-label={t('settings.open')}
          title={t('settings.open')}
          onClick={show('settings')}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </header>
      <div className="sidebar-actions">
        <button type="button" data-testid="new-room" onClick={show('newRoom')}>
          {t('rooms.newRoom')}
        </button>
        <button type="button" data-testid="new-dm" onClick={show('newDirect')}>
          {t('rooms.newDirect')}
        </button>
      </div>
      <RoomList />
      {dialog === 'newRoom' && <NewRoomDialog onClose={close} />}
      {dialog === 'newDirect' && <NewDirectDialog onClose={close} />}
      {dialog === 'settings' && <SettingsDialog onClose={close} />}
    </aside>
  );
};
