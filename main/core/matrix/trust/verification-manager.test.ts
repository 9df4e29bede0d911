import { EventEmitter } from 'node:events';
import type { MatrixClient } from 'matrix-js-sdk';
import { CryptoEvent, VerificationPhase, VerificationRequestEvent, VerifierEvent, type ShowSasCallbacks } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { describe, expect, it, vi } from 'vitest';
import type { VerificationView } from '../../../../shared/model/verification.ts';
import { silentLogger } from '../../ports.ts';
import { VerificationManager } from './verification-manager.ts';

const EMOJI: [string, string][] = [
  ['🐶', 'Dog'],
  ['🐱', 'Cat'],
  ['🦁', 'Lion'],
  ['🐎', 'Horse'],
  ['🦄', 'Unicorn'],
  ['🐷', 'Pig'],
  ['🐘', 'Elephant'],
];

/** A verification request as the SDK hands it over: fields, actions, and a change event. */
const fakeRequest = (initiatedByMe: boolean) => {
  const verifier = Object.assign(new EventEmitter(), {
    verify: vi.fn(() => new Promise<void>(() => undefined)),
    getShowSasCallbacks: vi.fn((): ShowSasCallbacks | null => null),
  });
  const request = Object.assign(new EventEmitter(), {
    phase: VerificationPhase.Requested,
    initiatedByMe,
    otherUserId: '@alice:example.org',
    otherDeviceId: 'OTHER',
    isSelfVerification: true,
    cancellationCode: null as string | null,
    verifier: undefined as typeof verifier | undefined,
    accept: vi.fn(() => {
      request.phase = VerificationPhase.Ready;
      request.emit(VerificationRequestEvent.Change);
      return Promise.resolve();
    }),
    cancel: vi.fn(() => {
      request.phase = VerificationPhase.Cancelled;
      request.cancellationCode = 'm.user';
      request.emit(VerificationRequestEvent.Change);
      return Promise.resolve();
    }),
    startVerification: vi.fn(() => {
      request.phase = VerificationPhase.Started;
      request.verifier = verifier;
      return Promise.resolve(verifier);
    }),
  });
  return { request, verifier };
};

const setup = () => {
  const client = new EventEmitter();
  const crypto = { requestDeviceVerification: vi.fn() };
  Object.assign(client, { getCrypto: () => crypto, getRoom: () => null });
  const lists: VerificationView[][] = [];
  const manager = new VerificationManager({
    client: client as unknown as MatrixClient,
    userId: '@alice:example.org',
    logger: silentLogger,
    onChange: (views) => lists.push(views),
  });
  return { client, crypto, manager, lists };
};

describe('VerificationManager', () => {
  it('tracks an incoming request under an opaque id and accepts it', async () => {
    const { client, manager } = setup();
    const { request } = fakeRequest(false);
    client.emit(CryptoEvent.VerificationRequestReceived, request);
    const [incoming] = manager.list();
    expect(incoming).toMatchObject({ phase: 'requested', initiatedByMe: false, otherDeviceId: 'OTHER', selfVerification: true });
    await manager.accept(incoming!.id);
    expect(request.accept).toHaveBeenCalled();
    expect(manager.list()[0]?.phase).toBe('ready');
  });

  it('starts the emoji comparison, shows the emoji when the SDK has them, and confirms', async () => {
    const { crypto, manager } = setup();
    const { request, verifier } = fakeRequest(true);
    crypto.requestDeviceVerification.mockResolvedValue(request);
    const id = await manager.requestOwnDevice('OTHER');
    expect(crypto.requestDeviceVerification).toHaveBeenCalledWith('@alice:example.org', 'OTHER');
    request.phase = VerificationPhase.Ready;
    await manager.startSas(id);
    expect(request.startVerification).toHaveBeenCalledWith('m.sas.v1');
    expect(verifier.verify).toHaveBeenCalled();

    const confirm = vi.fn(() => Promise.resolve());
    verifier.emit(VerifierEvent.ShowSas, { sas: { emoji: EMOJI }, confirm, mismatch: vi.fn(), cancel: vi.fn() });
    const showing = manager.list()[0];
    expect(showing?.phase).toBe('showingSas');
    expect(showing?.emoji?.map((emoji) => emoji.key)).toEqual(['dog', 'cat', 'lion', 'horse', 'unicorn', 'pig', 'elephant']);
    await manager.confirm(id);
    expect(confirm).toHaveBeenCalled();
    expect(manager.list()[0]?.phase).toBe('confirmed');
  });

  it('answers the other side starting: our verifier is attached and verify() sent', () => {
    const { client, manager } = setup();
    const { request, verifier } = fakeRequest(false);
    client.emit(CryptoEvent.VerificationRequestReceived, request);
    request.phase = VerificationPhase.Started;
    request.verifier = verifier;
    request.emit(VerificationRequestEvent.Change);
    expect(verifier.verify).toHaveBeenCalledTimes(1);
    request.emit(VerificationRequestEvent.Change);
    expect(verifier.verify).toHaveBeenCalledTimes(1);
    expect(manager.list()[0]?.phase).toBe('started');
  });

  it('cancels one still going when dismissed, and forgets it', async () => {
    const { client, manager, lists } = setup();
    const { request } = fakeRequest(false);
    client.emit(CryptoEvent.VerificationRequestReceived, request);
    const id = manager.list()[0]!.id;
    await manager.dismiss(id);
    expect(request.cancel).toHaveBeenCalled();
    expect(manager.list()).toEqual([]);
    expect(lists.at(-1)).toEqual([]);
    await expect(manager.accept(id)).rejects.toMatchObject({ code: 'verification_not_found' });
  });

  it('refuses to confirm before there are emoji', async () => {
    const { client, manager } = setup();
    client.emit(CryptoEvent.VerificationRequestReceived, fakeRequest(false).request);
    await expect(manager.confirm(manager.list()[0]!.id)).rejects.toMatchObject({ code: 'verification_failed' });
  });
});

describe('VerificationManager and requests taken elsewhere', () => {
  it('drops a request another of our devices accepted', () => {
    const { client, manager } = setup();
    const { request } = fakeRequest(false);
    client.emit(CryptoEvent.VerificationRequestReceived, request);
    expect(manager.list()).toHaveLength(1);
    request.phase = VerificationPhase.Cancelled;
    request.cancellationCode = 'm.accepted';
    request.emit(VerificationRequestEvent.Change);
    expect(manager.list()).toEqual([]);
  });
});
