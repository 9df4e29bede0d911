import { createClient, MatrixError } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { SignInInput } from '../../../shared/model/session.ts';
import { probeHomeserver, type Fetch } from '../session/homeserver-probe.ts';
import { loginIdentifier } from '../session/homeserver-url.ts';
import { STORAGE_KEY_BYTES, type SavedSession } from '../session/session-store.ts';
import { randomBytes } from 'node:crypto';
import { toRembukError } from './matrix-errors.ts';
import { sdkLogger } from './sdk-logging.ts';
import type { Logger } from '../ports.ts';

/** What the device is called in the member's list of sessions (Element shows it). */
export const DEVICE_DISPLAY_NAME = 'Rembuk Desktop';

/** Proves the homeserver is one, then logs in with a password, mapping every failure to a code. */
export const signIn = async (input: SignInInput, logger: Logger, fetchImpl: Fetch = fetch): Promise<SavedSession> => {
  const homeserverUrl = await probeHomeserver(input.homeserverUrl, fetchImpl);
  const client = createClient({ baseUrl: homeserverUrl, fetchFn: fetchImpl, logger: sdkLogger(logger) });
  try {
    const response = await client.loginRequest({
      type: 'm.login.password',
      identifier: loginIdentifier(input.username),
      password: input.password,
      initial_device_display_name: DEVICE_DISPLAY_NAME,
    });
    return {
      homeserverUrl,
      userId: response.user_id,
      deviceId: response.device_id,
      accessToken: response.access_token,
      storageKey: randomBytes(STORAGE_KEY_BYTES),
    };
  } catch (error) {
    if (error instanceof MatrixError && (error.errcode === 'M_FORBIDDEN' || error.errcode === 'M_INVALID_USERNAME' || error.errcode === 'M_NOT_FOUND')) {
      throw new RembukError('wrong_password', error.errcode);
    }
    const mapped = toRembukError(error);
    throw mapped.code === 'network' ? new RembukError('homeserver_unreachable', mapped.message) : mapped;
  } finally {
    client.stopClient();
  }
};
