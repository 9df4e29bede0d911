import { existsSync } from 'node:fs';
import type { TimelineItem } from '../../shared/model/timeline.ts';
import { until } from '../fixtures/until.ts';
import type { DemoState } from './demo-state.ts';
import { recoveryKeyFile, type MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';

/** One thing the demo must show, as `--check` prints it: `OK <name>: <detail>` or `MISSING <name>: <why>`. */
export type CheckResult = { name: string; ok: boolean; detail: string };

const messages = (items: readonly TimelineItem[]): TimelineItem[] => items.filter((item) => item.kind === 'message' || item.kind === 'media');

/**
 * Reads back, through the members' own cores, what the demo promises: each check polls a
 * while, since a core may still be syncing or decrypting what the seed just sent.
 */
export const checkDemo = async (cores: MemberCores, talk: RoomTalk, state: DemoState, demoDir: string): Promise<CheckResult[]> => {
  const sari = await cores.core('sari');
  const budi = await cores.core('budi');
  const check = async (name: string, probe: () => Promise<string | undefined>): Promise<CheckResult> => {
    let last = 'not found';
    try {
      const detail = await until(
        name,
        async () => {
          try {
            return await probe();
          } catch (error) {
            last = error instanceof Error ? error.message : String(error);
            return undefined;
          }
        },
        30_000,
      );
      return { name, ok: true, detail };
    } catch {
      return { name, ok: false, detail: last };
    }
  };
  const need = (value: string | undefined, what: string): string => {
    if (value === undefined) {
      throw new Error(`${what} was not seeded`);
    }
    return value;
  };

  const group = async (): Promise<{ roomId: string; items: TimelineItem[] }> => {
    const roomId = need(state.groupRoomId, 'the group room');
    return { roomId, items: messages(await talk.items(sari, roomId)) };
  };
  return [
    await check('windows signed in, recovery key saved', async () => {
      for (const core of [sari, budi]) {
        const session = await core.bridge.invoke('session:get', {});
        const security = await core.bridge.invoke('security:get', {});
        // A key still waiting would open the window on its dialog.
        if (
          session === null ||
          security.phase !== 'ready' ||
          !security.keyBackupEnabled ||
          security.recoveryKeyWaiting ||
          !existsSync(recoveryKeyFile(demoDir, core.member.localpart))
        ) {
          return undefined;
        }
      }
      return 'Sari and Budi: cross-signed, key backup on, no recovery key waiting to be shown';
    }),
    await check('encrypted group room', async () => {
      const roomId = need(state.groupRoomId, 'the group room');
      const details = await sari.bridge.invoke('room:details', { roomId });
      return details.encrypted && details.memberCount === 4 ? `${details.name}, ${String(details.memberCount)} members, encrypted` : undefined;
    }),
    await check('replies, reactions, an edit and a deletion', async () => {
      const { items } = await group();
      const replies = items.filter((item) => item.replyTo !== undefined).length;
      const reacted = items.filter((item) => (item.reactions ?? []).length > 0).length;
      const edited = items.filter((item) => item.kind === 'message' && item.edited).length;
      const all = await talk.items(sari, need(state.groupRoomId, 'the group room'));
      const redacted = all.filter((item) => item.kind === 'redacted').length;
      return replies >= 4 && reacted >= 3 && edited >= 1 && redacted >= 1
        ? `${String(items.length)} messages, ${String(replies)} replies, ${String(reacted)} with reactions, ${String(edited)} edited, ${String(redacted)} deleted`
        : undefined;
    }),
    await check('a mention', async () => {
      const roomId = need(state.groupRoomId, 'the group room');
      const mentioned = (await talk.items(budi, roomId)).filter((item) => item.mentionsMe === true).length;
      return mentioned >= 1 ? `${String(mentioned)} message mentions Budi` : undefined;
    }),
    await check('direct chat', async () => {
      const roomId = need(state.directRoomId, 'the direct chat');
      const details = await sari.bridge.invoke('room:details', { roomId });
      const count = messages(await talk.items(sari, roomId)).length;
      return details.isDirect && count >= 3 ? `Sari ↔ Budi, ${String(count)} messages` : undefined;
    }),
    await check('co-op with its charter', async () => {
      const coop = await sari.bridge.invoke('coop:get', { roomId: need(state.coop?.roomId, 'the co-op') });
      const classes = coop.charter.classes.map((entry) => `${entry.id} ${String(entry.weightBps / 100)}%`).join(', ');
      const assigned = coop.members.filter((member) => member.classId !== null).length;
      return coop.charter.classes.length === 4 && assigned === 4 ? `${coop.name}: ${classes}; ${String(assigned)} members in their classes` : undefined;
    }),
    await check('one open and one closed proposal', async () => {
      const coop = await sari.bridge.invoke('coop:get', { roomId: need(state.coop?.roomId, 'the co-op') });
      const open = coop.proposals.filter((proposal) => !proposal.closed && proposal.outcome === 'open');
      const closed = coop.proposals.filter((proposal) => proposal.closed && proposal.outcome !== 'open');
      const votes = await sari.bridge.invoke('coop:proposal', { roomId: coop.roomId, proposalId: need(open[0]?.id, 'an open proposal') });
      const ballots = votes.tally.classes.reduce((sum, entry) => sum + entry.ballots, 0);
      return open.length === 1 && closed.length === 1 && ballots >= 1
        ? `open: "${open[0]?.title ?? ''}" (${String(ballots)} votes); closed: "${closed[0]?.title ?? ''}" → ${closed[0]?.outcome ?? ''}`
        : undefined;
    }),
    await check('room imported from WhatsApp, with media', async () => {
      const roomId = need(state.importRoomId, 'the imported room');
      const items = await talk.items(budi, roomId);
      const imported = items.filter((item) => item.imported !== undefined);
      const media = imported.filter((item) => item.kind === 'media').length;
      const undecrypted = items.filter((item) => item.kind === 'encrypted').length;
      return imported.length >= 14 && media >= 5 && undecrypted === 0
        ? `${String(imported.length)} imported messages, ${String(media)} with media, read by Budi`
        : undefined;
    }),
  ];
};
