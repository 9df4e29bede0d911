/**
 * The baseline for cold start: a bare matrix-js-sdk client in a fresh Node process,
 * started with the same options Rembuk uses, until its first sync is in (PREPARED).
 * Prints the milliseconds since the process began. Args: baseUrl userId accessToken.
 */
import { ClientEvent, createClient, PendingEventOrdering, SyncState } from 'matrix-js-sdk';

const [baseUrl, userId, accessToken] = process.argv.slice(2);
if (baseUrl === undefined || userId === undefined || accessToken === undefined) {
  throw new Error('usage: sdk-baseline-client.ts <baseUrl> <userId> <accessToken>');
}
const client = createClient({
  baseUrl,
  userId,
  accessToken,
  timelineSupport: true,
  logger: {
    trace() {},
    debug() {},
    info() {},
    warn() {},
    error() {},
    getChild() {
      return this;
    },
  },
});
client.on(ClientEvent.Sync, (state) => {
  if (state === SyncState.Prepared) {
    console.log(`PREPARED_MS=${String(Math.round(performance.now()))} ROOMS=${String(client.getRooms().length)}`);
    client.stopClient();
    process.exit(0);
  }
});
await client.startClient({ initialSyncLimit: 20, lazyLoadMembers: true, pendingEventOrdering: PendingEventOrdering.Detached, threadSupport: false });
