import { demoMembers } from './demo-members.ts';
import type { StateFile } from './demo-state.ts';
import type { MemberCores } from './seed-accounts.ts';
import { seedDirectChat, seedGroupRoom } from './seed-chat.ts';
import { seedCoop } from './seed-coop.ts';
import { seedImport } from './seed-import.ts';
import type { RoomTalk } from './seed-talk.ts';

export type Timing = { step: string; ms: number };

/** Times each step of the seed, for the printout (and so a slow one is named). */
export class Stopwatch {
  readonly timings: Timing[] = [];

  async time<T>(step: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.timings.push({ step, ms: Math.round(performance.now() - started) });
    }
  }
}

const seeded = (state: StateFile): boolean => {
  const done = state.read();
  return (
    done.groupRoomId !== undefined &&
    done.directRoomId !== undefined &&
    done.importRoomId !== undefined &&
    done.coop?.closed === true &&
    done.coop.openProposalId !== undefined
  );
};

/**
 * Seeds whatever of the demo is not there yet (all of it on a first run, nothing on later
 * ones): the co-op first, so the proposal it closes can run out while the group chats and
 * the WhatsApp export is imported, side by side.
 */
export const seedDemo = async (cores: MemberCores, talk: RoomTalk, state: StateFile, watch: Stopwatch, demoDir: string): Promise<void> => {
  if (seeded(state)) {
    return;
  }
  // Two at a time: mostly waiting on the server's round trips, but four cores setting up
  // cross-signing at once would only contend for the two CPUs.
  await watch.time('akun / accounts', async () => {
    for (let index = 0; index < demoMembers.length; index += 2) {
      await Promise.all(demoMembers.slice(index, index + 2).map((member) => cores.core(member.localpart)));
    }
  });
  const { closeLater } = await watch.time('koperasi / co-op', () => seedCoop(cores, talk, state));
  await Promise.all([
    watch.time('impor WhatsApp / WhatsApp import', () => seedImport(cores, talk, state, demoDir)),
    watch.time('obrolan grup dan langsung / group and direct chat', async () => {
      await seedGroupRoom(cores, talk, state);
      await seedDirectChat(cores, talk, state);
    }),
  ]);
  await watch.time('usulan ditutup / proposal closed', closeLater);
};
