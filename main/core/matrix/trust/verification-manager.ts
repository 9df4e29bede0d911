import type { MatrixClient } from 'matrix-js-sdk';
import {
  CryptoEvent,
  VerificationPhase,
  VerificationRequestEvent,
  VerifierEvent,
  type CryptoApi,
  type ShowSasCallbacks,
  type VerificationRequest,
  type Verifier,
} from 'matrix-js-sdk/lib/crypto-api/index.js';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import type { VerificationView } from '../../../../shared/model/verification.ts';
import type { Logger } from '../../ports.ts';
import { toRembukError } from '../matrix-errors.ts';
import { verificationView } from './verification-view.ts';

/** The only verification method Rembuk offers and accepts: comparing 7 emoji. */
export const SAS_METHOD = 'm.sas.v1';

type Entry = {
  request: VerificationRequest;
  verifier: Verifier | null;
  sas: ShowSasCallbacks | null;
  confirmed: boolean;
};

export type VerificationManagerDeps = {
  client: MatrixClient;
  userId: string;
  logger: Logger;
  onChange(views: VerificationView[]): void;
};

const finished = (request: VerificationRequest): boolean => request.phase === VerificationPhase.Done || request.phase === VerificationPhase.Cancelled;

/**
 * Every interactive verification of this session, incoming and outgoing. The SDK's
 * request and verifier objects stay here, under an opaque id; the renderer sees only
 * `VerificationView`s and acts through the id.
 */
export class VerificationManager {
  private readonly deps: VerificationManagerDeps;
  private readonly entries = new Map<string, Entry>();
  private nextId = 0;
  private stopped = false;

  constructor(deps: VerificationManagerDeps) {
    this.deps = deps;
    deps.client.on(CryptoEvent.VerificationRequestReceived, (request) => {
      this.track(request);
    });
  }

  list(): VerificationView[] {
    return [...this.entries].map(([id, entry]) =>
      verificationView(id, {
        phase: entry.request.phase,
        initiatedByMe: entry.request.initiatedByMe,
        otherUserId: entry.request.otherUserId,
        otherDeviceId: entry.request.otherDeviceId,
        isSelfVerification: entry.request.isSelfVerification,
        cancellationCode: entry.request.cancellationCode,
        emoji: entry.sas?.sas.emoji ?? null,
        confirmed: entry.confirmed,
      }),
    );
  }

  /** Asks one of the member's own devices to verify this one (and the other way round). */
  async requestOwnDevice(deviceId: string): Promise<string> {
    const crypto = this.crypto();
    return this.track(await this.send(() => crypto.requestDeviceVerification(this.deps.userId, deviceId)));
  }

  /** Asks another member, in a room both are in (the spec's in-room verification). */
  async requestUser(userId: string, roomId: string): Promise<string> {
    if (userId === this.deps.userId) {
      throw new RembukError('verification_failed', 'use a device verification for your own devices');
    }
    const crypto = this.crypto();
    if (this.deps.client.getRoom(roomId) === null) {
      throw new RembukError('room_not_found');
    }
    return this.track(await this.send(() => crypto.requestVerificationDM(userId, roomId)));
  }

  async accept(id: string): Promise<void> {
    const { request } = this.entry(id);
    if (request.phase !== VerificationPhase.Requested || request.initiatedByMe) {
      return;
    }
    await this.send(() => request.accept());
  }

  async startSas(id: string): Promise<void> {
    const entry = this.entry(id);
    if (entry.verifier !== null || entry.request.phase !== VerificationPhase.Ready) {
      return;
    }
    const verifier = await this.send(() => entry.request.startVerification(SAS_METHOD));
    this.attach(entry, verifier);
  }

  async confirm(id: string): Promise<void> {
    const entry = this.entry(id);
    if (entry.sas === null) {
      throw new RembukError('verification_failed', 'no emoji to confirm yet');
    }
    entry.confirmed = true;
    this.emit();
    await this.send(() => entry.sas?.confirm() ?? Promise.resolve());
  }

  mismatch(id: string): void {
    const entry = this.entry(id);
    if (entry.sas === null) {
      throw new RembukError('verification_failed', 'no emoji to compare yet');
    }
    // Tells the other side (m.mismatched_sas) and cancels: nothing gets trusted.
    entry.sas.mismatch();
  }

  async cancel(id: string): Promise<void> {
    const { request } = this.entry(id);
    if (!finished(request)) {
      await this.send(() => request.cancel());
    }
  }

  async dismiss(id: string): Promise<void> {
    const { request } = this.entry(id);
    if (!finished(request)) {
      await request.cancel().catch((error: unknown) => {
        this.deps.logger.warn('cancelling a dismissed verification failed', error);
      });
    }
    this.entries.delete(id);
    this.emit();
  }

  stop(): void {
    this.stopped = true;
    for (const { request } of this.entries.values()) {
      request.removeAllListeners();
    }
    this.entries.clear();
  }

  private track(request: VerificationRequest): string {
    for (const [id, entry] of this.entries) {
      if (entry.request === request) {
        return id;
      }
    }
    const id = `verification-${String(++this.nextId)}`;
    const entry: Entry = { request, verifier: null, sas: null, confirmed: false };
    this.entries.set(id, entry);
    request.on(VerificationRequestEvent.Change, () => {
      this.changed(entry);
    });
    this.changed(entry);
    return id;
  }

  private changed(entry: Entry): void {
    // A request to all of the member's devices that another of them took: nothing for this one to show.
    if (entry.request.phase === VerificationPhase.Cancelled && entry.request.cancellationCode === 'm.accepted') {
      for (const [id, tracked] of this.entries) {
        if (tracked === entry) {
          this.entries.delete(id);
        }
      }
      this.emit();
      return;
    }
    // The other side started the emoji exchange: our verifier appears with it.
    const verifier = entry.request.verifier;
    if (verifier !== undefined && entry.verifier === null) {
      this.attach(entry, verifier);
    }
    this.emit();
  }

  private attach(entry: Entry, verifier: Verifier): void {
    if (entry.verifier !== null) {
      return;
    }
    entry.verifier = verifier;
    verifier.on(VerifierEvent.ShowSas, (sas) => {
      entry.sas = sas;
      this.emit();
    });
    verifier.on(VerifierEvent.Cancel, () => {
      this.emit();
    });
    entry.sas = verifier.getShowSasCallbacks();
    // Sends our side's accept/key and resolves when both sides confirmed (or rejects when cancelled).
    verifier.verify().then(
      () => {
        this.emit();
      },
      (error: unknown) => {
        if (!this.stopped) {
          this.deps.logger.info('verification ended without success', error instanceof Error ? error.message : error);
          this.emit();
        }
      },
    );
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (entry === undefined) {
      throw new RembukError('verification_not_found');
    }
    return entry;
  }

  private crypto(): CryptoApi {
    const crypto = this.deps.client.getCrypto();
    if (crypto === undefined) {
      throw new RembukError('encryption_unavailable');
    }
    return crypto;
  }

  private async send<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RembukError) {
        throw error;
      }
      const mapped = toRembukError(error);
      throw mapped.code === 'internal' ? new RembukError('verification_failed', mapped.message) : mapped;
    }
  }

  private emit(): void {
    if (!this.stopped) {
      this.deps.onChange(this.list());
    }
  }
}
