import type { EventChannel, RequestChannel } from './contract.ts';

/**
 * The contract's channel names as plain strings, for code that must stay tiny: the
 * sandboxed preload is bundled into one file, and importing `requests`/`events` from
 * contract.ts would drag zod and every schema into it. `channels.test.ts` checks these
 * lists equal the contract's keys; the types below make a missing or stray name a
 * compile error as well.
 */
export const requestChannelNames = [
  'session:get',
  'session:signIn',
  'session:signOut',
  'connection:get',
  'settings:get',
  'settings:setLanguage',
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
  'media:progress',
  'import:changed',
] as const satisfies readonly EventChannel[];

// Every contract channel must be listed: these resolve to `true` only when nothing is missing.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;
export const requestChannelsComplete: Missing<RequestChannel, (typeof requestChannelNames)[number]> = true;
export const eventChannelsComplete: Missing<EventChannel, (typeof eventChannelNames)[number]> = true;
