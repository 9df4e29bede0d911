import { setTimeout as sleep } from 'node:timers/promises';
import { until } from '../fixtures/until.ts';
import { demoMembers, demoNames, type DemoMember } from './demo-members.ts';
import type { StateFile } from './demo-state.ts';
import type { MemberCore, MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';

/** The charter's weights: a worker-heavy coffee co-op (basis points, summing to 10,000). */
export const demoWeights = { pendiri: 2000, pekerja: 4000, pengguna: 3000, investor: 1000 };

/** How long the proposal that the demo closes stays open: long enough for every vote to go in. */
const CLOSED_PROPOSAL_OPEN_MS = 12_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The co-op: its space and encrypted assembly room with the charter (four classes, their
 * weights), every member in their class, a proposal voted and closed with its result, and
 * one still open with some votes, where the window's member can still vote.
 * `closeLater` is what is left to do once the first proposal's deadline has passed.
 */
export const seedCoop = async (cores: MemberCores, talk: RoomTalk, state: StateFile): Promise<{ closeLater: () => Promise<void> }> => {
  const sari = await cores.core('sari');
  let coop = state.read().coop;
  if (coop === undefined) {
    const invite = demoMembers.filter((member) => member.localpart !== 'sari').map((member) => cores.userId(member.localpart));
    const { roomId } = await sari.bridge.invoke('coop:create', { name: demoNames.coop, weights: demoWeights, invite });
    const joined = await Promise.all(demoMembers.filter((member) => member.localpart !== 'sari').map((member) => cores.core(member.localpart)));
    await Promise.all(joined.map((core) => talk.join(core, roomId)));
    await assignClasses(sari, roomId, demoMembers, cores);
    // The assembly room's own timeline says where the proposals are (they show in the Co-op tab).
    await talk.send(sari, roomId, 'Selamat datang di rapat anggota daring. Usulan dan pemungutan suara ada di tab **Koperasi**; diskusinya boleh di sini.');
    coop = { roomId };
    await state.update({ coop });
  }
  const roomId = coop.roomId;
  if (coop.closedProposalId === undefined) {
    const closesAt = Date.now() + CLOSED_PROPOSAL_OPEN_MS;
    const { proposalId } = await sari.bridge.invoke('coop:propose', {
      roomId,
      title: 'Menaikkan simpanan wajib menjadi Rp15.000',
      body: 'Simpanan wajib naik dari **Rp10.000** menjadi **Rp15.000** per bulan mulai Januari, untuk modal kerja musim panen.',
      decisionType: 'biasa',
      kind: 'motion',
      options: [],
      closesAt,
    });
    coop = { ...coop, closedProposalId: proposalId };
    await state.update({ coop });
    await vote(cores, roomId, proposalId, { sari: 'setuju', budi: 'setuju', dewi: 'tolak', hendra: 'setuju' });
  }
  if (coop.openProposalId === undefined) {
    const hendra = await cores.core('hendra');
    const { proposalId } = await hendra.bridge.invoke('coop:propose', {
      roomId,
      title: 'Membeli mesin sangrai 5 kg dari SHU 2026',
      body: [
        'Sebagian SHU 2026 (**Rp45 juta**) dipakai untuk mesin sangrai kopi kapasitas 5 kg.',
        '',
        '- Kopi sangrai sendiri dijual 2–3 kali harga green bean',
        '- Pekerja dilatih menyangrai oleh pemasok mesin',
      ].join('\n'),
      decisionType: 'biasa',
      kind: 'motion',
      options: [],
      closesAt: Date.now() + 3 * DAY_MS,
    });
    coop = { ...coop, openProposalId: proposalId };
    await state.update({ coop });
    // Sari and Budi have not voted yet: they can, in their windows.
    await vote(cores, roomId, proposalId, { dewi: 'setuju', hendra: 'setuju' });
  }
  const { closedProposalId } = coop;
  if (closedProposalId === undefined) {
    throw new Error('the closed proposal was not made');
  }
  const closed = coop.closed === true;
  return {
    closeLater: async () => {
      if (closed) {
        return;
      }
      const view = await until('the proposal to reach the chair', () =>
        sari.bridge.invoke('coop:proposal', { roomId, proposalId: closedProposalId }).catch(() => undefined),
      );
      await sleep(Math.max(0, view.closesAt - Date.now() + 500));
      // Closed by an interrupted earlier run: the result is already in the room.
      await sari.bridge.invoke('coop:close', { roomId, proposalId: closedProposalId }).catch((error: unknown) => {
        if (!String(error).includes('proposal_closed')) {
          throw error;
        }
      });
      await state.update({ coop: { ...(state.read().coop ?? { roomId }), closed: true } });
    },
  };
};

const assignClasses = async (secretary: MemberCore, roomId: string, members: readonly DemoMember[], cores: MemberCores): Promise<void> => {
  await until('the charter to reach the secretary', async () =>
    (await secretary.bridge.invoke('coop:get', { roomId }).catch(() => undefined))?.canManageRegistry === true ? true : undefined,
  );
  for (const member of members) {
    await secretary.bridge.invoke('coop:assignClass', { roomId, userId: cores.userId(member.localpart), classId: member.classId });
  }
};

/** Each member votes once the proposal has reached their core (their vote is counted only then). */
const vote = async (cores: MemberCores, roomId: string, proposalId: string, ballots: Partial<Record<DemoMember['localpart'], string>>): Promise<void> => {
  await Promise.all(
    Object.entries(ballots).map(async ([localpart, answer]) => {
      const core = await cores.core(localpart as DemoMember['localpart']);
      let last = '';
      await until(
        `the proposal to reach ${core.member.displayName}`,
        async () => {
          const view = await core.bridge.invoke('coop:proposal', { roomId, proposalId }).catch((error: unknown) => {
            last = String(error);
            return undefined;
          });
          last = view === undefined ? last : `canVote ${String(view.canVote)}, invalid ${String(view.invalid)}`;
          return view?.canVote === true ? true : undefined;
        },
        30_000,
      ).catch((error: unknown) => {
        throw new Error(`${String(error)} (last: ${last})`);
      });
      await core.bridge.invoke('coop:vote', { roomId, proposalId, answers: [answer] });
    }),
  );
};
