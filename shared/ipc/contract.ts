import { z } from 'zod';
import { connectionState, sessionView, signInInput } from '../model/session.ts';
import { matrixUserId, roomDetails, roomId, roomListEntry } from '../model/room.ts';
import { paginateDirection, timelineItem, timelineWindow } from '../model/timeline.ts';
import { language, settings } from '../model/settings.ts';
import { listBatch } from '../stream/list-op.ts';
import { deviceView, recoveryKeyInput, roomMemberView, securityView } from '../model/security.ts';
import { verificationId, verificationView } from '../model/verification.ts';
import { mediaConfig, mediaItemId, mediaProgress, mediaSendInput, uploadBeginInput, uploadChunkInput, uploadId } from '../model/media.ts';
import { linkPreview, mentionCandidate, mentionInput, messageVersion, reactionKey, typingState } from '../model/conversation.ts';
import { classId, coopCreateInput, coopNotice, coopSummary, coopView, proposalId, proposalView, proposeInput } from '../model/coop.ts';
import { dateOrder, importId, importJob, importOpenResult, importStartInput, joinLinkResult, knockRequest, matrixUser, roomLink } from '../model/import.ts';

/** The largest request the bridge accepts, in bytes of its serialised form. */
export const MAX_REQUEST_BYTES = 256 * 1024;

/** Longest message body a member can send; Synapse refuses events over 64 KiB. */
export const MAX_MESSAGE_LENGTH = 32 * 1024;

const none = z.object({}).strict();
const subscriptionId = z.string().min(1).max(64);
const subscriptionRef = z.object({ subscription: subscriptionId }).strict();
const eventId = z.string().min(2).max(255).startsWith('$');
const itemId = z.string().min(1).max(300);
const inRoom = z.object({ roomId }).strict();
const verification = z.object({ id: verificationId }).strict();

/**
 * Requests from the renderer to main. Each has exactly one argument object (possibly
 * empty) and a result; main parses the argument with `input` before anything else.
 */
export const requests = {
  'session:get': { input: none, output: sessionView.nullable() },
  'session:signIn': { input: signInInput.strict(), output: sessionView },
  'session:signOut': { input: none, output: z.null() },
  'connection:get': { input: none, output: connectionState },

  'settings:get': { input: none, output: settings },
  'settings:setLanguage': {
    input: z.object({ language: language.nullable() }).strict(),
    output: settings,
  },
  'settings:setPrivateReceipts': {
    input: z.object({ privateReceipts: z.boolean() }).strict(),
    output: settings,
  },

  'rooms:subscribe': { input: none, output: subscriptionRef },
  /**
   * A bounded window on a room's timeline: the live end, or the events around
   * `aroundEventId` (a reply's original, a search hit, the first unread).
   */
  'timeline:subscribe': {
    /** With `threadRootId`, the window is that thread's root and replies (the side panel). */
    input: z.object({ roomId, aroundEventId: eventId.optional(), threadRootId: eventId.optional() }).strict(),
    output: subscriptionRef,
  },
  'stream:resync': { input: subscriptionRef.strict(), output: z.null() },
  'stream:unsubscribe': { input: subscriptionRef.strict(), output: z.null() },
  /** Grows the window by a page towards older events or towards the live end; the items come as `timeline:batch`. */
  'timeline:paginate': {
    input: z.object({ subscription: subscriptionId, direction: paginateDirection }).strict(),
    output: timelineWindow,
  },
  /** Moves the window to the events around `eventId`, or back to the live end with null. */
  'timeline:jump': {
    input: z.object({ subscription: subscriptionId, eventId: eventId.nullable() }).strict(),
    output: z.object({ found: z.boolean() }),
  },
  /**
   * What the renderer shows (first and last item ids on screen): main may drop items far
   * out of view from the window, so memory stays bounded however far a member scrolls.
   */
  'timeline:viewport': {
    input: z.object({ subscription: subscriptionId, firstItemId: itemId, lastItemId: itemId }).strict(),
    output: z.null(),
  },

  'room:details': { input: inRoom, output: roomDetails },
  'room:markRead': { input: inRoom, output: z.null() },
  'room:create': {
    input: z
      .object({
        name: z.string().trim().min(1).max(255),
        topic: z.string().max(1000).optional(),
        invite: z.array(matrixUserId).max(50).default([]),
      })
      .strict(),
    output: z.object({ roomId: z.string() }),
  },
  'room:createDirect': {
    input: z.object({ userId: matrixUserId }).strict(),
    output: z.object({ roomId: z.string() }),
  },
  'room:invite': {
    input: z.object({ roomId, userId: matrixUserId }).strict(),
    output: z.null(),
  },
  'invite:accept': { input: inRoom, output: z.null() },
  'invite:decline': { input: inRoom, output: z.null() },

  'message:send': {
    input: z
      .object({
        roomId,
        /** Markdown (and WhatsApp's *bold* _italic_ ~strike~); main renders and sanitises formatted_body. */
        body: z
          .string()
          .max(MAX_MESSAGE_LENGTH)
          .refine((body) => body.trim().length > 0, 'empty message'),
        /** The event replied to (in this room): sent with m.in_reply_to and the fallback other clients expect. */
        replyTo: eventId.optional(),
        /** The thread root this message goes into (m.thread). */
        threadRoot: eventId.optional(),
        /** Members inserted as pills: their names in `body` become matrix.to links, their ids go in m.mentions. */
        mentions: z.array(mentionInput).max(50).default([]),
        /** @room: needs the room's notifications.room power level, refused otherwise. */
        mentionRoom: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ itemId: z.string() }),
  },
  /** Replaces the text of this member's own message (m.replace with m.new_content). */
  'message:edit': {
    input: z
      .object({
        roomId,
        eventId,
        body: z
          .string()
          .max(MAX_MESSAGE_LENGTH)
          .refine((body) => body.trim().length > 0, 'empty message'),
        mentions: z.array(mentionInput).max(50).default([]),
      })
      .strict(),
    output: z.null(),
  },
  /** Deletes a message: own, or others' with the redact power level. */
  'message:redact': {
    input: z.object({ roomId, eventId, reason: z.string().max(500).optional() }).strict(),
    output: z.null(),
  },
  /** Adds this member's reaction with `key`, or takes it back when they already reacted with it. */
  'message:react': {
    input: z.object({ roomId, eventId, key: reactionKey }).strict(),
    output: z.object({ reacted: z.boolean() }),
  },
  /** Every version of an edited message, oldest first (the original, then each edit by its sender). */
  'message:versions': { input: z.object({ roomId, eventId }).strict(), output: z.array(messageVersion) },
  /** This member is typing (true, repeated while they type) or stopped; main throttles what it sends. */
  'room:typing': { input: z.object({ roomId, typing: z.boolean() }).strict(), output: z.null() },
  /** Room members for the composer's @ picker, best match first (display name, then Matrix ID). */
  'room:mentionCandidates': {
    input: z.object({ roomId, query: z.string().max(255) }).strict(),
    output: z.array(mentionCandidate).max(20),
  },
  /** Votes in an MSC3381 poll from any client; an empty list takes the vote back. */
  'poll:vote': {
    input: z.object({ roomId, pollId: eventId, answers: z.array(z.string().min(1).max(255)).max(20) }).strict(),
    output: z.null(),
  },
  /** A URL's preview through the homeserver, or null where previews are off for the room. */
  'link:preview': {
    input: z.object({ roomId, url: z.url().max(2000) }).strict(),
    output: linkPreview.nullable(),
  },
  /** Turns link previews on or off for this room (this member's choice, kept in room account data). */
  'room:setLinkPreviews': { input: z.object({ roomId, enabled: z.boolean() }).strict(), output: z.null() },
  'message:retry': {
    input: z.object({ roomId, itemId }).strict(),
    output: z.null(),
  },
  'draft:get': { input: inRoom, output: z.string() },
  'draft:set': {
    input: z.object({ roomId, text: z.string().max(MAX_MESSAGE_LENGTH) }).strict(),
    output: z.null(),
  },

  'room:members': { input: inRoom, output: z.array(roomMemberView) },

  'security:get': { input: none, output: securityView },
  /**
   * The recovery key made by this device's first setup, once: main forgets it as it
   * answers. The one key that ever reaches the renderer, because the member must see it
   * to write it down; everything else about keys stays in main.
   */
  'security:takeRecoveryKey': { input: none, output: z.object({ recoveryKey: z.string() }).nullable() },
  /** Tries setting up cross-signing and the key backup again, with the account password if the server asks for it. */
  'security:setUp': {
    input: z.object({ password: z.string().min(1).max(1024).optional() }).strict(),
    output: z.null(),
  },
  /** Checks the recovery key, then restores this device's trust and the backed-up room keys; progress comes as `security:changed`. */
  'security:restore': { input: z.object({ recoveryKey: recoveryKeyInput }).strict(), output: z.null() },
  'security:devices': { input: none, output: z.array(deviceView) },
  /** Replaces a lost recovery key from a device that holds the cross-signing keys; the new one comes as `security:takeRecoveryKey`. */
  'security:newRecoveryKey': { input: none, output: z.null() },

  'verification:list': { input: none, output: z.array(verificationView) },
  'verification:requestDevice': {
    input: z.object({ deviceId: z.string().min(1).max(255) }).strict(),
    output: z.object({ id: verificationId }),
  },
  'verification:requestUser': {
    input: z.object({ userId: matrixUserId, roomId }).strict(),
    output: z.object({ id: verificationId }),
  },
  'verification:accept': { input: verification, output: z.null() },
  'verification:startSas': { input: verification, output: z.null() },
  'verification:confirm': { input: verification, output: z.null() },
  'verification:mismatch': { input: verification, output: z.null() },
  'verification:cancel': { input: verification, output: z.null() },
  /** Forgets a finished verification (cancelling it first if it is still going). */
  'verification:dismiss': { input: verification, output: z.null() },

  /** Co-ops this member belongs to (assembly rooms with a charter). */
  'coop:list': { input: none, output: z.array(coopSummary) },
  'coop:get': { input: inRoom, output: coopView },
  /** Creates the space, the encrypted assembly room with its charter and power levels, and invites. */
  'coop:create': { input: coopCreateInput, output: z.object({ roomId: z.string(), spaceId: z.string() }) },
  /** Puts a member in a class (null: out of every class); needs the registry's power level. */
  'coop:assignClass': {
    input: z.object({ roomId, userId: matrixUserId, classId: classId.nullable() }).strict(),
    output: z.null(),
  },
  /** Appoints a member secretary (the registry's and closing power level) or dismisses them. */
  'coop:setSecretary': {
    input: z.object({ roomId, userId: matrixUserId, secretary: z.boolean() }).strict(),
    output: z.null(),
  },
  'coop:proposal': { input: z.object({ roomId, proposalId }).strict(), output: proposalView },
  'coop:propose': { input: proposeInput, output: z.object({ proposalId: z.string() }) },
  /** Casts or changes this member's ballot; an empty list withdraws it. */
  'coop:vote': {
    input: z.object({ roomId, proposalId, answers: z.array(z.string().min(1).max(64)).max(20) }).strict(),
    output: z.null(),
  },
  /** Closes a proposal at or after its deadline, sending the end event with the result. */
  'coop:close': { input: z.object({ roomId, proposalId }).strict(), output: z.null() },

  /**
   * A file from the renderer to main, in chunks (a request is at most MAX_REQUEST_BYTES):
   * `begin` declares it, each `chunk` appends base64 bytes at `offset` (exactly the bytes
   * received so far), and another request (say `media:send`) then takes the finished upload.
   */
  'upload:begin': { input: uploadBeginInput, output: z.object({ uploadId: z.string() }) },
  'upload:chunk': { input: uploadChunkInput, output: z.object({ received: z.number().int() }) },
  'upload:abort': { input: z.object({ uploadId }).strict(), output: z.null() },

  /** What the homeserver accepts (`m.upload.size`), so a file too large is refused before it is sent. */
  'media:config': { input: none, output: mediaConfig },
  /**
   * Sends a finished upload as an image, file, audio, voice note or video: encrypted in an
   * encrypted room, kept in the outbox until the server has the event. Answers the item id
   * at once; progress comes as `media:progress`.
   */
  'media:send': { input: mediaSendInput, output: z.object({ itemId: z.string() }) },
  /** Tries a failed media message again (the upload too, if that is what failed). */
  'media:retry': { input: z.object({ roomId, itemId: mediaItemId }).strict(), output: z.null() },
  /** Cancels an upload on its way (the item goes) or a download in progress. */
  'media:cancel': { input: z.object({ itemId: mediaItemId }).strict(), output: z.null() },
  /**
   * Saves an item's file where the member chooses, through main's save dialog (Electron).
   * `saved: false` when they cancelled the dialog; `media_unsupported` where main has no
   * dialog (the loopback transport: the renderer saves the media URL itself).
   */
  'media:save': { input: z.object({ itemId: mediaItemId }).strict(), output: z.object({ saved: z.boolean() }) },

  /** Takes a finished upload as a WhatsApp export (.zip or .txt) and reads it: a preview, nothing sent yet. */
  'import:open': { input: z.object({ uploadId }).strict(), output: importOpenResult },
  /** Reads the opened export again: with the date order the member confirmed, or the chat they picked. */
  'import:reparse': {
    input: z.object({ importId, dateOrder: dateOrder.optional(), chatFileName: z.string().min(1).max(1000).optional() }).strict(),
    output: importOpenResult,
  },
  /** Whether a Matrix ID belongs to someone, for mapping a WhatsApp name to them. */
  'import:checkUser': { input: z.object({ userId: matrixUserId }).strict(), output: matrixUser },
  /** Starts sending; progress comes as `import:changed`. At most one import is unfinished at a time. */
  'import:start': { input: importStartInput, output: importJob },
  'import:list': { input: none, output: z.array(importJob) },
  'import:pause': { input: z.object({ importId }).strict(), output: z.null() },
  'import:resume': { input: z.object({ importId }).strict(), output: z.null() },
  /** Stops for good; what was sent stays in the room. */
  'import:cancel': { input: z.object({ importId }).strict(), output: z.null() },
  /** Forgets a finished import or an unstarted preview, with its files. */
  'import:discard': { input: z.object({ importId }).strict(), output: z.null() },
  /** The room's matrix.to link, for bringing the old group's members over. */
  'room:link': { input: inRoom, output: roomLink },
  /** Who asked to join by the link; `room:invite` lets them in (and shares the history's keys). */
  'room:knocks': { input: inRoom, output: z.array(knockRequest) },
  /** Joins the room of a matrix.to link, or asks to join when its rule is knock. */
  'room:joinLink': { input: z.object({ link: z.string().trim().min(1).max(2000) }).strict(), output: joinLinkResult },
} as const;

/** Streams from main to the renderer. */
export const events = {
  'connection:changed': connectionState,
  'session:changed': sessionView.nullable(),
  'rooms:batch': listBatch(roomListEntry),
  /** The window's items as list operations, with where the window now sits. */
  'timeline:batch': listBatch(timelineItem).extend({ window: timelineWindow }),
  'security:changed': securityView,
  /** Every verification main is tracking, whole: there are only ever a few. */
  'verification:changed': z.array(verificationView),
  /** Something in this co-op (or, with null, in the list of co-ops) changed: fetch again. */
  'coop:changed': z.object({ roomId: z.string().nullable() }),
  /** A new proposal, or one closing within 24 hours. */
  'coop:notice': coopNotice,
  /** Who is typing in a room now (sent on every change, for every joined room). */
  'typing:changed': typingState,
  /** How far an attachment's upload or download has come. */
  'media:progress': mediaProgress,
  /** One import's progress or phase changed (the whole view: there is at most a handful). */
  'import:changed': importJob,
} as const;

export type Requests = typeof requests;
export type RequestChannel = keyof Requests;
export type RequestInput<C extends RequestChannel> = z.input<Requests[C]['input']>;
export type ParsedInput<C extends RequestChannel> = z.output<Requests[C]['input']>;
export type RequestOutput<C extends RequestChannel> = z.output<Requests[C]['output']>;

export type Events = typeof events;
export type EventChannel = keyof Events;
export type EventPayload<C extends EventChannel> = z.output<Events[C]>;

export const requestChannels = Object.keys(requests) as RequestChannel[];
export const eventChannels = Object.keys(events) as EventChannel[];

export const isRequestChannel = (value: unknown): value is RequestChannel => typeof value === 'string' && Object.hasOwn(requests, value);
export const isEventChannel = (value: unknown): value is EventChannel => typeof value === 'string' && Object.hasOwn(events, value);
