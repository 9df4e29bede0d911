import { RembukError } from '../../../shared/ipc/errors.ts';
import type { HandlerDeps } from '../handlers.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import type { Trust } from '../matrix/trust/trust.ts';

type SecurityChannel =
  | 'room:members'
  | 'security:get'
  | 'security:takeRecoveryKey'
  | 'security:setUp'
  | 'security:restore'
  | 'security:devices'
  | 'security:newRecoveryKey'
  | `verification:${'list' | 'requestDevice' | 'requestUser' | 'accept' | 'startSas' | 'confirm' | 'mismatch' | 'cancel' | 'dismiss'}`;

const trusted = (deps: HandlerDeps): Trust => {
  const trust = deps.trust();
  if (trust === null) {
    throw new RembukError('not_signed_in');
  }
  return trust;
};

/** Trust and recovery: cross-signing, the recovery key, verifications, who is verified. */
export const securityHandlers = (deps: HandlerDeps): Pick<Handlers, SecurityChannel> => ({
  'room:members': (input) => trusted(deps).members(input.roomId),

  'security:get': () => Promise.resolve(trusted(deps).recovery.view()),
  'security:takeRecoveryKey': () => {
    const recoveryKey = trusted(deps).recovery.takeRecoveryKey();
    return Promise.resolve(recoveryKey === null ? null : { recoveryKey });
  },
  'security:setUp': async (input) => {
    await trusted(deps).recovery.setUp(input.password);
    return null;
  },
  'security:restore': async (input) => {
    await trusted(deps).recovery.restore(input.recoveryKey);
    return null;
  },
  'security:devices': () => trusted(deps).devices(),
  'security:newRecoveryKey': async () => {
    await trusted(deps).recovery.newRecoveryKey();
    return null;
  },

  'verification:list': () => Promise.resolve(trusted(deps).verifications.list()),
  'verification:requestDevice': async (input) => ({ id: await trusted(deps).verifications.requestOwnDevice(input.deviceId) }),
  'verification:requestUser': async (input) => ({ id: await trusted(deps).verifications.requestUser(input.userId, input.roomId) }),
  'verification:accept': async (input) => {
    await trusted(deps).verifications.accept(input.id);
    return null;
  },
  'verification:startSas': async (input) => {
    await trusted(deps).verifications.startSas(input.id);
    return null;
  },
  'verification:confirm': async (input) => {
    await trusted(deps).verifications.confirm(input.id);
    return null;
  },
  'verification:mismatch': (input) => {
    trusted(deps).verifications.mismatch(input.id);
    return Promise.resolve(null);
  },
  'verification:cancel': async (input) => {
    await trusted(deps).verifications.cancel(input.id);
    return null;
  },
  'verification:dismiss': async (input) => {
    await trusted(deps).verifications.dismiss(input.id);
    return null;
  },
});
