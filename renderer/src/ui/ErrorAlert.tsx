import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/ipc/errors.ts';

export type ErrorAlertProps = {
  code: ErrorCode | null;
  testId?: string;
};

/** A failed request, in the member's language; main only ever sends the code. */
export const ErrorAlert = ({ code, testId }: ErrorAlertProps) => {
  const { t } = useTranslation();
  if (code === null) {
    return null;
  }
  return (
    <p className="error-text" role="alert" data-testid={testId}>
      {t(`errors.${code}`)}
    </p>
  );
};
