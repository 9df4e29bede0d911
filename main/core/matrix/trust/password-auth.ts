import { AuthType, MatrixError, type AuthDict, type UIAuthCallback } from 'matrix-js-sdk';
import { RembukError } from '../../../../shared/ipc/errors.ts';

/** The session id of a user-interactive-auth challenge (401 with flows), or null for any other error. */
const challengeSession = (error: unknown): string | null => {
  if (!(error instanceof MatrixError) || error.httpStatus !== 401) {
    return null;
  }
  const { session, flows } = error.data as { session?: unknown; flows?: unknown };
  return Array.isArray(flows) && typeof session === 'string' ? session : null;
};

/**
 * User-interactive auth for uploading cross-signing keys, answered with the account
 * password. The request goes first without auth: homeservers let a first upload through
 * without it (MSC3967, Synapse since 1.9x); only when the server asks is the password
 * needed, and if main no longer holds it the member is asked (`password_required`).
 */
export const passwordAuth =
  (userId: string, password: () => string | null): UIAuthCallback<void> =>
  async (makeRequest) => {
    try {
      await makeRequest(null);
      return;
    } catch (error) {
      const session = challengeSession(error);
      if (session === null) {
        throw error;
      }
      const known = password();
      if (known === null) {
        throw new RembukError('password_required');
      }
      const auth: AuthDict = { type: AuthType.Password, identifier: { type: 'm.id.user', user: userId }, password: known, session };
      try {
        await makeRequest(auth);
      } catch (retryError) {
        // A second challenge after the password means the server did not accept it.
        if (challengeSession(retryError) !== null || (retryError instanceof MatrixError && retryError.errcode === 'M_FORBIDDEN')) {
          throw new RembukError('wrong_password');
        }
        throw retryError;
      }
    }
  };
