import { assembleProposal } from '../core/governance/assemble.ts';
import { TALLY_BLOCK } from '../core/governance/protocol.ts';
import { tally } from '../core/governance/tally.ts';
import type { TallyResult } from '../core/governance/tally-types.ts';
import { MatrixGateway } from '../core/matrix/matrix-gateway.ts';
import { signIn } from '../core/matrix/sign-in.ts';
import type { Clock, Logger } from '../core/ports.ts';

export type AuditReport = {
  roomId: string;
  proposalId: string;
  title: string;
  proposer: string;
  decisionType: string;
  closesAt: number;
  /** The proposal breaks the charter in force when it was made: shown, never counted. */
  invalid: string | null;
  electorate: Record<string, string>;
  result: TallyResult;
  /** The tally block of the end that closed it, compared with the recomputed result (null when there is none). */
  closerClaimMatches: boolean | null;
  /** Where they differ: the result's fields whose values the closer stated otherwise. */
  closerClaimDifferences: string[];
};

/** JSON with sorted keys, so two objects compare equal whatever their key order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.keys(inner)
            .sort()
            .map((key) => [key, (inner as Record<string, unknown>)[key]]),
        )
      : inner,
  );

/**
 * The fields of the result on which the closer's tally block disagrees with the
 * recomputation (empty: it states the same result). The closer tallied just before its end
 * existed, so the end's own id is the one thing it could not know.
 */
const claimDifferences = (claim: unknown, result: TallyResult): string[] => {
  if (typeof claim !== 'object' || claim === null) {
    return ['(no tally block)'];
  }
  const claimed = claim as Record<string, unknown>;
  const recomputed = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
  const keys = new Set([...Object.keys(claimed), ...Object.keys(recomputed)].filter((key) => key !== 'v' && key !== 'endEventId'));
  return [...keys].filter((key) => canonical(claimed[key]) !== canonical(recomputed[key])).sort();
};

export const auditProposal = async (options: {
  homeserverUrl: string;
  username: string;
  password: string;
  recoveryKey: string | null;
  roomId: string;
  proposalId: string;
  logger: Logger;
  clock: Clock;
}): Promise<AuditReport> => {
  const { logger, clock } = options;
  const session = await signIn({ homeserverUrl: options.homeserverUrl, username: options.username, password: options.password }, logger);
  logger.info(`signed in as ${session.userId} on a new device ${session.deviceId}`);
  let ready: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => {
    ready = resolve;
  });
  // The sync store is a memory one (the gateway's default): an audit device lives for one run.
  const gateway = new MatrixGateway({
    session,
    logger,
    clock,
    encryption: { databasePrefix: 'rembuk-audit' },
    listeners: { changed: () => undefined, connection: () => undefined, loggedOut: () => undefined, ready, synced: () => undefined },
  });
  const { account } = gateway;
  const trust = gateway.trust({ logger, signInPassword: null, listeners: { security: () => undefined, verifications: () => undefined } });
  try {
    await account.start();
    await synced;
    if (options.recoveryKey !== null) {
      logger.info('restoring room keys from the key backup');
      await trust.recovery.restore(options.recoveryKey);
    }
    const material = await gateway.governance.proposalMaterial(options.roomId, options.proposalId);
    const assembled = assembleProposal(material.start, material.stateAtProposal, material.related);
    if (assembled === null) {
      throw new Error(`${options.proposalId} is not a Rembuk proposal (no valid coop.rembuk.proposal block)`);
    }
    const result = tally({ ...assembled.input, now: clock.now() });
    const claimOf = (content: unknown): unknown =>
      typeof content === 'object' && content !== null && TALLY_BLOCK in content ? (content as Record<string, unknown>)[TALLY_BLOCK] : undefined;
    const end = material.related.find((event) => event.eventId === result.endEventId) ?? material.related.find((event) => claimOf(event.content) !== undefined);
    const differences = end === undefined ? [] : claimDifferences(claimOf(end.content), result);
    return {
      roomId: options.roomId,
      proposalId: options.proposalId,
      title: assembled.block.title,
      proposer: assembled.input.proposal.sender,
      decisionType: assembled.block.decision_type,
      closesAt: assembled.block.closes_at,
      invalid: assembled.invalid,
      electorate: Object.fromEntries([...assembled.electorate].sort(([a], [b]) => a.localeCompare(b))),
      result,
      closerClaimMatches: end === undefined ? null : differences.length === 0,
      closerClaimDifferences: differences,
    };
  } finally {
    trust.stop();
    await account.logout().catch((error: unknown) => {
      logger.warn('could not sign the audit device out', error);
    });
    account.stop();
  }
};
