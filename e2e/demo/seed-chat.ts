import { demoMembers, demoNames, memberByName } from './demo-members.ts';
import { correction, deleted, directChat, groupDay, reactions } from './group-day.ts';
import type { StateFile } from './demo-state.ts';
import type { MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';

/** The group room (encrypted, as every room Rembuk makes) with its day of conversation. */
export const seedGroupRoom = async (cores: MemberCores, talk: RoomTalk, state: StateFile): Promise<void> => {
  if (state.read().groupRoomId !== undefined) {
    return;
  }
  const sari = await cores.core('sari');
  const invite = demoMembers.filter((member) => member.localpart !== 'sari').map((member) => cores.userId(member.localpart));
  const { roomId } = await sari.bridge.invoke('room:create', { name: demoNames.groupRoom, topic: 'Obrolan harian anggota koperasi', invite });
  const members = await Promise.all(demoMembers.map((member) => cores.core(member.localpart)));
  await Promise.all(members.map((core) => talk.join(core, roomId)));
  const ids = new Map<string, string>();
  for (const line of groupDay) {
    const core = await cores.core(line.who);
    const replyTo = line.replyTo === undefined ? undefined : ids.get(line.replyTo);
    const mentions = (line.mentions ?? []).map((who) => ({ userId: cores.userId(who), name: memberByName(who).displayName }));
    ids.set(line.key, await talk.send(core, roomId, line.text, { replyTo, mentions }));
  }
  const idOf = (key: string): string => ids.get(key) ?? '';
  await Promise.all(reactions.map(async ([who, key, emoji]) => talk.react(await cores.core(who), roomId, idOf(key), emoji)));
  await (await cores.core('budi')).bridge.invoke('message:edit', { roomId, eventId: idOf(correction.key), body: correction.text, mentions: [] });
  await (await cores.core('dewi')).bridge.invoke('message:redact', { roomId, eventId: idOf(deleted) });
  await state.update({ groupRoomId: roomId });
};

/** Sari and Budi's direct chat. */
export const seedDirectChat = async (cores: MemberCores, talk: RoomTalk, state: StateFile): Promise<void> => {
  if (state.read().directRoomId !== undefined) {
    return;
  }
  const sari = await cores.core('sari');
  const budi = await cores.core('budi');
  const { roomId } = await sari.bridge.invoke('room:createDirect', { userId: budi.userId });
  await talk.join(budi, roomId);
  for (const [who, text] of directChat) {
    await talk.send(who === 'sari' ? sari : budi, roomId, text);
  }
  await state.update({ directRoomId: roomId });
};
