import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { silentLogger } from '../ports.ts';
import { CoopService } from './coop-service.ts';
import type { GovernancePort } from './governance-port.ts';
import { PROPOSAL_STATUS_EVENT } from './proposal-index.ts';
import { CHARTER_EVENT, MEMBER_EVENT } from './protocol.ts';

const ME = '@ketua:koperasi.id';

type Call = [string, ...unknown[]];

/** The governance port as a recorder: no SDK, no server; rooms are named in creation order. */
const fakePort = () => {
  const calls: Call[] = [];
  let rooms = 0;
  const port: GovernancePort = {
    userId: ME,
    room: () => null,
    rooms: () => [],
    loadedEvents: () => [],
    createRoom: (options) => {
      calls.push(['createRoom', options]);
      rooms += 1;
      return Promise.resolve(`!r${String(rooms)}:koperasi.id`);
    },
    sendState: (roomId, event, stateKey) => {
      calls.push(['sendState', roomId, event.type, event.content, stateKey]);
      return Promise.resolve();
    },
    send: (roomId, message) => {
      calls.push(['send', roomId, message.type]);
      return Promise.resolve('$sent');
    },
    setPowerLevel: () => Promise.resolve(),
    invite: (roomId, userId) => {
      calls.push(['invite', roomId, userId]);
      return Promise.resolve();
    },
    join: () => Promise.resolve(),
    fetchEvent: () => Promise.reject(new Error('not in this test')),
    proposalMaterial: () => Promise.reject(new Error('not in this test')),
    related: () => Promise.resolve([]),
    listen: () => undefined,
  };
  return { port, calls };
};

const service = (port: GovernancePort, checked: string[][] = []) =>
  new CoopService({
    matrix: port,
    rooms: {
      requireUsers: (userIds) => {
        checked.push([...userIds]);
        return Promise.resolve();
      },
    },
    clock: { now: () => 1_700_000_000_000 },
    logger: silentLogger,
    listeners: { changed: () => undefined },
    // Not reached by these tests: reminders start with `ready`.
    reminders: { newProposal: () => Promise.resolve(), check: () => Promise.resolve() },
  });

describe('CoopService.create over the governance port', () => {
  it('makes the space, then the assembly room with the charter, links them, and invites the others to both', async () => {
    const { port, calls } = fakePort();
    const checked: string[][] = [];
    const created = await service(port, checked).create({ name: 'Koperasi Maju', weights: {}, invite: ['@budi:koperasi.id', ME, '@budi:koperasi.id'] });

    expect(created).toEqual({ spaceId: '!r1:koperasi.id', roomId: '!r2:koperasi.id' });
    expect(checked).toEqual([['@budi:koperasi.id']]);
    expect(calls.map(([name]) => name)).toEqual(['createRoom', 'createRoom', 'sendState', 'invite', 'invite']);
    const [, space] = calls[0] as [string, { creation_content?: unknown }];
    expect(space.creation_content).toEqual({ type: 'm.space' });
    const [, assembly] = calls[1] as [
      string,
      { initial_state?: { type: string; state_key?: string }[]; power_level_content_override?: { events?: Record<string, number> } },
    ];
    expect(assembly.initial_state?.map((event) => event.type)).toEqual(['m.room.encryption', 'm.space.parent', CHARTER_EVENT]);
    expect(Object.keys(assembly.power_level_content_override?.events ?? {})).toEqual(
      expect.arrayContaining([CHARTER_EVENT, MEMBER_EVENT, PROPOSAL_STATUS_EVENT]),
    );
    expect(calls[2]).toEqual(['sendState', '!r1:koperasi.id', 'm.space.child', { via: ['koperasi.id'], suggested: true }, '!r2:koperasi.id']);
    expect(calls.slice(3)).toEqual([
      ['invite', '!r1:koperasi.id', '@budi:koperasi.id'],
      ['invite', '!r2:koperasi.id', '@budi:koperasi.id'],
    ]);
  });

  it('refuses weights that break the charter before anything is created', async () => {
    const { port, calls } = fakePort();
    const error = await service(port)
      .create({ name: 'K', weights: { pendiri: 9000 }, invite: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RembukError);
    expect((error as RembukError).code).toBe('invalid_charter');
    expect(calls).toEqual([]);
  });

  it('answers coop_not_found for a room the port does not hold', async () => {
    const { port, calls } = fakePort();
    await expect(service(port).assignClass('!gone:koperasi.id', '@budi:koperasi.id', 'pekerja')).rejects.toMatchObject({ code: 'coop_not_found' });
    expect(calls).toEqual([]);
  });
});
