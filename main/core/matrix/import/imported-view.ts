/**
 * How Rembuk shows a message imported from WhatsApp: under its original author and with its
 * original time, not as a message of whoever ran the import. A name mapped to a member
 * shows as that member (their name and avatar from the room) once they are in the room;
 * until then, and for names nobody mapped, the WhatsApp name stands.
 */
import { KnownMembership, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { readImportBlock, type ImportedFacts } from '../../import/import-block.ts';

/** `sender` of an author who is not (yet) a member: stable per name, never a Matrix ID. */
export const importedSenderKey = (name: string): string => `whatsapp:${name}`;

const TIME_PREFIX = /^\[[^\]\n]{1,40}\] /;

/**
 * The text without the `[time] Name: ` prefix other apps need: Rembuk shows the name and
 * time on their own. A part of a long message keeps its `(1/3)`.
 */
export const stripImportPrefix = (text: string, sender: string): string => {
  const afterTime = text.replace(TIME_PREFIX, '');
  if (afterTime === text || sender === '') {
    return afterTime;
  }
  if (afterTime.startsWith(`${sender}: `)) {
    return afterTime.slice(sender.length + 2);
  }
  const part = /^ \((\d+\/\d+)\): /.exec(afterTime.slice(sender.length));
  return afterTime.startsWith(sender) && part !== null ? `(${part[1] as string}) ${afterTime.slice(sender.length + part[0].length)}` : afterTime;
};

const author = (facts: ImportedFacts, room: Room, myUserId: string): Pick<TimelineItem, 'sender' | 'senderName' | 'own'> => {
  const member = facts.mappedUserId === null ? null : room.getMember(facts.mappedUserId);
  if (facts.mappedUserId !== null && member?.membership === KnownMembership.Join) {
    return { sender: facts.mappedUserId, senderName: member.name, own: facts.mappedUserId === myUserId };
  }
  return { sender: importedSenderKey(facts.senderName), senderName: facts.senderName, own: false };
};

/** The item of an imported event, shown as its author wrote it; any other item as it is. */
export const withImport = (item: TimelineItem, event: MatrixEvent, room: Room, myUserId: string): TimelineItem => {
  if (item.kind !== 'message' && item.kind !== 'media') {
    return item;
  }
  const facts = readImportBlock(event.getContent());
  if (facts === null) {
    return item;
  }
  const imported = {
    senderName: facts.senderName,
    ts: facts.ts,
    mappedUserId: facts.mappedUserId,
    system: facts.system,
    mediaMissing: facts.mediaMissing,
    deleted: facts.deleted,
    edited: facts.edited,
    // The block is only the sender's word: whoever sent it is named with the label.
    importedBy: item.senderName,
  };
  const shown = { ...item, ...author(facts, room, myUserId), imported };
  if (shown.kind === 'message') {
    return { ...shown, body: stripImportPrefix(shown.body, facts.senderName), html: null };
  }
  const caption = shown.caption === null ? null : stripImportPrefix(shown.caption, facts.senderName);
  return { ...shown, caption: caption === null || caption === shown.filename ? null : caption };
};

/**
 * The room list's preview of an imported message: its author and text as Rembuk shows them
 * in the timeline, not "the importer: [time] Name: …"; null for any other message.
 */
export const importedPreview = (event: MatrixEvent, body: string, room: Room, myUserId: string): { sender: string; own: boolean; body: string } | null => {
  const facts = readImportBlock(event.getContent());
  if (facts === null) {
    return null;
  }
  const { senderName, own } = author(facts, room, myUserId);
  return { sender: senderName, own, body: stripImportPrefix(body, facts.senderName) };
};
