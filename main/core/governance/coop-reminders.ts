import path from 'node:path';
import { z } from 'zod';
import type { CoopNotice } from '../../../shared/model/coop.ts';
import type { Clock, Logger } from '../ports.ts';
import { JsonStore } from '../storage/json-store.ts';

/** How long before its deadline a proposal's "closing soon" reminder goes out. */
export const CLOSING_SOON_MS = 24 * 60 * 60 * 1000;

export type OpenProposal = { roomId: string; coopName: string; proposalId: string; title: string; closesAt: number };

/**
 * Reminders for proposals, each raised once per member and device: a new proposal from
 * someone else, and an open proposal entering its last 24 hours. What was raised is kept
 * in the profile, so a restart neither repeats nor forgets them. In an encrypted room the
 * server cannot see a poll start (MSC3930's push rules match on type), so main raises these.
 */
export class CoopReminders {
  private readonly store: JsonStore<string[]>;
  private raised: Set<string> | null = null;
  private readonly clock: Clock;
  private readonly notify: (notice: CoopNotice) => void;

  constructor(options: { profileDir: string; logger: Logger; clock: Clock; notify: (notice: CoopNotice) => void }) {
    this.clock = options.clock;
    this.notify = options.notify;
    this.store = new JsonStore({
      file: path.join(options.profileDir, 'coop-notices.json'),
      schema: z.array(z.string()),
      fallback: () => [],
      logger: options.logger,
    });
  }

  /** Raises the notice unless `key` was raised before; `alsoCovers` are keys this notice makes redundant. */
  private async once(key: string, notice: CoopNotice, alsoCovers: readonly string[] = []): Promise<void> {
    this.raised ??= new Set(await this.store.read());
    if (this.raised.has(key)) {
      return;
    }
    for (const covered of [key, ...alsoCovers]) {
      this.raised.add(covered);
    }
    this.notify(notice);
    await this.store.write([...this.raised]);
  }

  /**
   * A proposal from another member this device has not announced yet. One that already
   * closes within 24 hours is announced once: its notice shows the deadline.
   */
  newProposal(proposal: OpenProposal): Promise<void> {
    const now = this.clock.now();
    if (now >= proposal.closesAt) {
      return Promise.resolve();
    }
    const closingSoon = now >= proposal.closesAt - CLOSING_SOON_MS ? [`${proposal.proposalId}:closingSoon`] : [];
    return this.once(`${proposal.proposalId}:new`, { kind: 'newProposal', ...proposal }, closingSoon);
  }

  /** Raises "closing soon" for each open proposal now inside its last 24 hours. */
  async check(open: readonly OpenProposal[]): Promise<void> {
    const now = this.clock.now();
    for (const proposal of open) {
      if (now >= proposal.closesAt - CLOSING_SOON_MS && now < proposal.closesAt) {
        await this.once(`${proposal.proposalId}:closingSoon`, { kind: 'closingSoon', ...proposal });
      }
    }
  }

  flushed(): Promise<void> {
    return this.store.flushed();
  }
}
