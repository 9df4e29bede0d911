import { useTranslation } from 'react-i18next';

export type TransferBarProps = {
  phase: 'preparing' | 'uploading' | 'downloading';
  /** The file's name, for transfers not yet shown as an item. */
  name?: string;
  loaded: number;
  total: number;
  onCancel: () => void;
};

/** A progress bar with its percentage and a cancel button, for uploads and downloads alike. */
export const TransferBar = ({ phase, name, loaded, total, onCancel }: TransferBarProps) => {
  const { t } = useTranslation();
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  const label = t(`media.${phase}`, { percent, name: name ?? '' });
  return (
    <div className="transfer" data-testid="transfer" data-phase={phase}>
      <progress max={100} value={percent} aria-label={label} />
      <span className="transfer-label">{label}</span>
      <button type="button" className="link-button" data-testid="transfer-cancel" onClick={onCancel}>
        {t('media.cancelTransfer')}
      </button>
    </div>
  );
};
