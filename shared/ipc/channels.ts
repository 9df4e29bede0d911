import type { EventChannel, RequestChannel } from './contract.ts';

/**
 * The contract's channel names as plain strings, for code that must stay tiny: the
 * sandboxed preload is bundled into one file, and importing `requests`/`events` from
 * contract.ts would drag zod and every schema into it. The type checker alone keeps them
 * equal to the contract's keys: a missing, stray or repeated name is a compile error (below).
 */
export const requestChannelNames = [
  'session:get',
  'session:signIn',
  'session:signOut',
  'connection:get',
  'settings:get',
  'settings:setLanguage',
  'settings:setPrivateReceipts',
  'rooms:subscribe',
  'timeline:subscribe',
  'stream:resync',
  'stream:unsubscribe',
  'timeline:paginate',
  'timeline:jump',
  'timeline:viewport',
  'room:details',
  'room:markRead',
  'room:create',
  'room:createDirect',
  'room:invite',
  'invite:accept',
  'invite:decline',
  'message:send',
  'message:edit',
  'message:redact',
  'message:react',
  'message:versions',
  'room:typing',
  'room:mentionCandidates',
  'poll:vote',
  'link:preview',
  'room:setLinkPreviews',
  'message:retry',
  'draft:get',
  'draft:set',
  'room:members',
  'security:get',
  'security:takeRecoveryKey',
  'security:setUp',
  'security:restore',
  'security:devices',
  'security:newRecoveryKey',
  'verification:list',
  'verification:requestDevice',
  'verification:requestUser',
  'verification:accept',
  'verification:startSas',
  'verification:confirm',
  'verification:mismatch',
  'verification:cancel',
  'verification:dismiss',
  'coop:list',
  'coop:get',
  'coop:create',
  'coop:assignClass',
  'coop:setSecretary',
  'coop:proposal',
  'coop:propose',
  'coop:vote',
  'coop:close',
  'upload:begin',
  'upload:chunk',
  'upload:abort',
  'media:config',
  'media:send',
  'media:retry',
  'media:cancel',
  'media:save',
  'import:open',
  'import:reparse',
  'import:checkUser',
  'import:start',
  'import:list',
  'import:pause',
  'import:resume',
  'import:cancel',
  'import:discard',
  'room:link',
  'room:knocks',
  'room:joinLink',
] as const satisfies readonly RequestChannel[];

export const eventChannelNames = [
  'connection:changed',
  'session:changed',
  'rooms:batch',
  'timeline:batch',
  'security:changed',
  'verification:changed',
  'coop:changed',
  'coop:notice',
  'typing:changed',
  'media:progress',
  'import:changed',
] as const satisfies readonly EventChannel[];

// Each list names every contract channel exactly once and nothing else, or these aliases do not compile.
type Repeats<List extends readonly unknown[]> = List extends readonly [infer Head, ...infer Rest] ? (Head extends Rest[number] ? Head : Repeats<Rest>) : never;
type ExactlyOnce<All, List extends readonly unknown[]> = [Exclude<All, List[number]>, Exclude<List[number], All>, Repeats<List>] extends [never, never, never]
  ? true
  : { missing: Exclude<All, List[number]>; stray: Exclude<List[number], All>; repeated: Repeats<List> };
type Assert<Check extends true> = Check;
export type RequestChannelsExact = Assert<ExactlyOnce<RequestChannel, typeof requestChannelNames>>;
export type EventChannelsExact = Assert<ExactlyOnce<EventChannel, typeof eventChannelNames>>;
