import { done } from './done.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { HandlerDeps } from './handler-deps.ts';
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
  'security:setUp': (input) => done(trusted(deps).recovery.setUp(input.password)),
  'security:restore': (input) => done(trusted(deps).recovery.restore(input.recoveryKey)),
  'security:devices': () => trusted(deps).devices(),
  'security:newRecoveryKey': () => done(trusted(deps).recovery.newRecoveryKey()),

  'verification:list': () => Promise.resolve(trusted(deps).verifications.list()),
  'verification:requestDevice': async (input) => ({ id: await trusted(deps).verifications.requestOwnDevice(input.deviceId) }),
  'verification:requestUser': async (input) => ({ id: await trusted(deps).verifications.requestUser(input.userId, input.roomId) }),
  'verification:accept': (input) => done(trusted(deps).verifications.accept(input.id)),
  'verification:startSas': (input) => done(trusted(deps).verifications.startSas(input.id)),
  'verification:confirm': (input) => done(trusted(deps).verifications.confirm(input.id)),
  'verification:mismatch': (input) => {
    trusted(deps).verifications.mismatch(input.id);
    return Promise.resolve(null);
  },
  'verification:cancel': (input) => done(trusted(deps).verifications.cancel(input.id)),
  'verification:dismiss': (input) => done(trusted(deps).verifications.dismiss(input.id)),
});
