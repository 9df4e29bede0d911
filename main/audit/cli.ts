/**
 * `npm run coop:audit -- <homeserver> <user> <room id> <proposal event id>`
 *
 * Recomputes a proposal's result from the room's own events with the same engine the app
 * uses, and prints it as JSON, so a co-op's supervisors (pengawas) can check any result
 * without trusting the client that closed it. Signs in as the given member on a new,
 * in-memory device (password in REMBUK_AUDIT_PASSWORD) and signs that device out at the end.
 * In an encrypted assembly room, REMBUK_AUDIT_RECOVERY_KEY (the member's recovery key)
 * restores the room keys from the server-side backup so the votes can be read; without it,
 * undecryptable votes are counted as such and the result is marked provisional.
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { quietGlobalSdkLogger } from '../core/matrix/sdk-logging.ts';
import { consoleLogger, systemClock, type Logger } from '../core/ports.ts';
import { auditProposal } from './audit-proposal.ts';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [homeserverUrl, username, roomId, proposalId] = positionals;
const password = process.env.REMBUK_AUDIT_PASSWORD;
if (homeserverUrl === undefined || username === undefined || roomId === undefined || proposalId === undefined || password === undefined) {
  console.error('usage: REMBUK_AUDIT_PASSWORD=… [REMBUK_AUDIT_RECOVERY_KEY=…] npm run coop:audit -- <homeserver> <user> <room id> <proposal event id>');
  process.exit(2);
}

// Progress, warnings and anything a library prints go to stderr; stdout is only the JSON result.
const printResult = (text: string): void => {
  process.stdout.write(`${text}\n`);
};
console.log =
  console.info =
  console.debug =
    (...details: unknown[]) => {
      console.error(...details);
    };
await quietGlobalSdkLogger();
const logger: Logger = consoleLogger('audit');
try {
  const report = await auditProposal({
    homeserverUrl,
    username,
    password,
    recoveryKey: process.env.REMBUK_AUDIT_RECOVERY_KEY ?? null,
    roomId,
    proposalId,
    logger,
    clock: systemClock,
  });
  printResult(JSON.stringify(report, null, 2));
  process.exit(0);
} catch (error) {
  console.error(`audit failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
