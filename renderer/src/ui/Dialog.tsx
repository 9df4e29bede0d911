import type { ReactNode } from 'react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons.ts';

export type DialogProps = {
  title: string;
  /** Without it the dialog cannot be closed by Escape, a click outside or ×: only by its own buttons. */
  onClose?: () => void;
  children: ReactNode;
  testId?: string;
  /** Wider, for forms with long text such as a proposal. */
  wide?: boolean;
};

/** A modal panel: Escape or a click outside closes it, and focus goes back where it was. */
export const Dialog = ({ title, onClose, children, testId, wide = false }: DialogProps) => {
  const { t } = useTranslation();
  const titleId = useId();

  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement) {
        opener.focus();
      }
    };
  }, []);

  useEffect(() => {
    if (onClose === undefined) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) {
          onClose?.();
        }
      }}
    >
      <section className={wide ? 'dialog dialog-wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          {onClose !== undefined && (
            <button type="button" className="icon-button" aria-label={t('dialog.close')} title={t('dialog.close')} onClick={onClose}>
              <CloseIcon />
            </button>
          )}
        </header>
        {children}
      </section>
    </div>
  );
};
