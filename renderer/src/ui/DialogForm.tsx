import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request } from './use-request.ts';
import { Dialog } from './Dialog.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

export type DialogFormProps = {
  title: string;
  onClose: () => void;
  /** Called on submit, with the browser's own submit already prevented. */
  onSubmit: () => Promise<void>;
  /** The form's request: its error shows under the fields and it disables the submit button while busy. */
  request: Pick<Request, 'busy' | 'error'>;
  submitTestId: string;
  submitLabel: string;
  busyLabel: string;
  children: ReactNode;
  wide?: boolean;
};

/** A dialog holding one form: its fields, the request's error, then Cancel and the submit button. */
export const DialogForm = ({ title, onClose, onSubmit, request, submitTestId, submitLabel, busyLabel, children, wide }: DialogFormProps) => {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form
        className="dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {children}
        <ErrorAlert code={request.error} />
        <div className="dialog-footer">
          <button type="button" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary" data-testid={submitTestId} disabled={request.busy}>
            {request.busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
};
