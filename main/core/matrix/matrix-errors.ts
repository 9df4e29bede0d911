import { ConnectionError, MatrixError } from 'matrix-js-sdk';
import { RembukError, type ErrorCode } from '../../../shared/ipc/errors.ts';

const byErrcode: Record<string, ErrorCode> = {
  M_FORBIDDEN: 'forbidden',
  M_LIMIT_EXCEEDED: 'rate_limited',
  M_USER_DEACTIVATED: 'user_deactivated',
  M_UNKNOWN_TOKEN: 'not_signed_in',
  M_MISSING_TOKEN: 'not_signed_in',
};

/**
 * Maps what matrix-js-sdk throws to the codes the renderer translates. `notFound`
 * says what a 404 means for this call (a room, a user).
 */
export const toRembukError = (error: unknown, notFound: ErrorCode = 'internal'): RembukError => {
  if (error instanceof RembukError) {
    return error;
  }
  if (error instanceof ConnectionError) {
    return new RembukError('network', error.message);
  }
  if (error instanceof MatrixError) {
    if (error.errcode === 'M_NOT_FOUND' || error.httpStatus === 404) {
      return new RembukError(notFound, error.message);
    }
    const code = error.errcode === undefined ? undefined : byErrcode[error.errcode];
    return new RembukError(code ?? (error.httpStatus === 403 ? 'forbidden' : 'internal'), error.message);
  }
  return new RembukError('internal', error instanceof Error ? error.message : String(error));
};
