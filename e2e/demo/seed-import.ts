import path from 'node:path';
import { fixtureZip, uploadThroughBridge } from '../fixtures/import-files.ts';
import { until } from '../fixtures/until.ts';
import { demoNames } from './demo-members.ts';
import { copyExportWithout } from './demo-export.ts';
import type { StateFile } from './demo-state.ts';
import type { MemberCores } from './seed-accounts.ts';
import type { RoomTalk } from './seed-talk.ts';

/** The shared fixtures' Android export in Indonesian, with photos, a voice note, documents and a sticker (copied without its intruder). */
export const IMPORT_ZIP = 'android-id-with-media.zip';

/**
 * Sari moves the old WhatsApp group over, as the window's import does: the export read,
 * Budi's and Dewi's WhatsApp names mapped to their accounts, a new encrypted room, and
 * Budi invited (the invite hands over the history's keys, so he reads it all).
 * Answers the import's room, started when called and finished when the promise settles.
 */
export const seedImport = async (cores: MemberCores, talk: RoomTalk, state: StateFile, demoDir: string): Promise<void> => {
  if (state.read().importRoomId !== undefined) {
    return;
  }
  const sari = await cores.core('sari');
  // An import an interrupted run started goes on by itself: wait for it rather than start another.
  let job = (await sari.bridge.invoke('import:list', {})).find((candidate) => candidate.roomName === demoNames.importRoom && candidate.phase !== 'cancelled');
  if (job === undefined) {
    // The fixture's intruder (made to test path traversal) is no member of a real group.
    const exportFile = path.join(demoDir, IMPORT_ZIP);
    await copyExportWithout(fixtureZip(IMPORT_ZIP), exportFile, ['Penyusup']);
    const opened = await sari.bridge.invoke('import:open', { uploadId: await uploadThroughBridge(sari.bridge, exportFile) });
    if (opened.kind !== 'preview') {
      throw new Error(`${IMPORT_ZIP}: expected a preview, got ${opened.kind}`);
    }
    job = await sari.bridge.invoke('import:start', {
      importId: opened.preview.importId,
      timeZone: 'Asia/Jakarta',
      mapping: [
        { name: 'Budi Santoso', userId: cores.userId('budi') },
        { name: 'Dewi Lestari', userId: cores.userId('dewi') },
      ],
      target: { kind: 'new', name: demoNames.importRoom },
    });
  }
  const { importId } = job;
  const done = await until(
    'the WhatsApp import to finish',
    async () => {
      const current = (await sari.bridge.invoke('import:list', {})).find((candidate) => candidate.importId === importId);
      if (current?.phase === 'failed') {
        throw new Error(`the WhatsApp import failed: ${current.error ?? 'unknown'}`);
      }
      return current?.phase === 'done' ? current : undefined;
    },
    60_000,
  );
  const roomId = done.roomId ?? '';
  const budi = await cores.core('budi');
  await sari.bridge.invoke('room:invite', { roomId, userId: budi.userId }).catch((error: unknown) => {
    // Invited (or joined) on an interrupted earlier run.
    if (!/already|forbidden/i.test(String(error))) {
      throw error;
    }
  });
  await talk.join(budi, roomId);
  await state.update({ importRoomId: roomId });
};
