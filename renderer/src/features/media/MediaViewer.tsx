import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog.tsx';

export type MediaViewerProps = {
  url: string;
  name: string;
  caption: string | null;
  onSave: () => void;
  onClose: () => void;
};

/** An image at full size, over everything; Escape or a click outside closes it. */
export const MediaViewer = ({ url, name, caption, onSave, onClose }: MediaViewerProps) => {
  const { t } = useTranslation();
  return (
    <Dialog title={name} onClose={onClose} testId="media-viewer" wide>
      <div className="dialog-body media-viewer">
        <img className="media-viewer-image" src={url} alt={caption ?? name} data-testid="media-viewer-image" />
        {caption !== null && <p className="media-viewer-caption">{caption}</p>}
        <div className="dialog-footer">
          <button type="button" data-testid="media-viewer-download" onClick={onSave}>
            {t('media.download')}
          </button>
          <button type="button" className="primary" onClick={onClose}>
            {t('dialog.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
};
