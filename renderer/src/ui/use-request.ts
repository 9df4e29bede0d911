import { useState } from 'react';
import type { ErrorCode, IpcResult } from '../../../shared/ipc/errors.ts';

export type Request = {
  busy: boolean;
  error: ErrorCode | null;
  /** Shows an error without sending anything (null clears it), e.g. when a field is not valid. */
  setError: (error: ErrorCode | null) => void;
  /** Sends one request: busy meanwhile, `onDone` when it succeeds, its error code when it fails. */
  run: (send: () => Promise<IpcResult<unknown>>) => Promise<void>;
};

/** The state of a form that sends one request to main, such as a dialog's. */
export const useRequest = (onDone: () => void): Request => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const run = async (send: () => Promise<IpcResult<unknown>>): Promise<void> => {
    setBusy(true);
    setError(null);
    const result = await send();
    setBusy(false);
    if (result.ok) {
      onDone();
    } else {
      setError(result.error.code);
    }
  };

  return { busy, error, setError, run };
};
