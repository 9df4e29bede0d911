import { done } from './done.ts';
import { signedIn } from './signed-in.ts';
import type { HandlerDeps } from './handler-deps.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import type { CoopService } from '../governance/coop-service.ts';

type CoopChannel = `coop:${'list' | 'get' | 'create' | 'assignClass' | 'setSecretary' | 'proposal' | 'propose' | 'vote' | 'close'}`;

const coops = (deps: HandlerDeps): CoopService => signedIn(deps).coops;

/** The Co-op tab: co-ops, their charter and registry, proposals, votes and results. */
export const coopHandlers = (deps: HandlerDeps): Pick<Handlers, CoopChannel> => ({
  'coop:list': () => Promise.resolve(coops(deps).list()),
  'coop:get': (input) => coops(deps).get(input.roomId),
  'coop:create': (input) => coops(deps).create(input),
  'coop:assignClass': (input) => done(coops(deps).assignClass(input.roomId, input.userId, input.classId)),
  'coop:setSecretary': (input) => done(coops(deps).setSecretary(input.roomId, input.userId, input.secretary)),
  'coop:proposal': (input) => coops(deps).proposal(input.roomId, input.proposalId),
  'coop:propose': (input) => coops(deps).propose(input),
  'coop:vote': (input) => done(coops(deps).vote(input.roomId, input.proposalId, input.answers)),
  'coop:close': (input) => done(coops(deps).close(input.roomId, input.proposalId)),
});
