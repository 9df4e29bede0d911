import { describe, expect, it } from 'vitest';
import type { CoopNotice } from '../../../shared/model/coop.ts';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { CLOSING_SOON_MS, CoopReminders, type OpenProposal } from './coop-reminders.ts';

const HOUR = 60 * 60 * 1000;
const temp = useTempDir('rembuk-reminders-');

const proposal = (closesAt: number): OpenProposal => ({
  roomId: '!rapat:kmp.example',
  coopName: 'KMP',
  proposalId: '$usulan',
  title: 'Simpanan wajib',
  closesAt,
});

const reminders = (now: { value: number }, raised: CoopNotice[]) =>
  new CoopReminders({ profileDir: temp.path, logger: silentLogger, clock: { now: () => now.value }, notify: (notice) => raised.push(notice) });

describe('CoopReminders', () => {
  it('raises "closing soon" once, inside the last 24 hours only, and not again after a restart', async () => {
    const now = { value: 0 };
    const raised: CoopNotice[] = [];
    const first = reminders(now, raised);
    const closesAt = 48 * HOUR;
    now.value = closesAt - CLOSING_SOON_MS - 1;
    await first.check([proposal(closesAt)]);
    expect(raised).toEqual([]);
    now.value = closesAt - CLOSING_SOON_MS;
    await first.check([proposal(closesAt)]);
    await first.check([proposal(closesAt)]);
    expect(raised.map((notice) => notice.kind)).toEqual(['closingSoon']);
    await first.flushed();

    const afterRestart = reminders(now, raised);
    await afterRestart.check([proposal(closesAt)]);
    expect(raised).toHaveLength(1);
  });

  it('raises nothing for a proposal past its deadline', async () => {
    const now = { value: 10 * HOUR };
    const raised: CoopNotice[] = [];
    const subject = reminders(now, raised);
    await subject.check([proposal(9 * HOUR)]);
    await subject.newProposal(proposal(9 * HOUR));
    expect(raised).toEqual([]);
  });

  it('announces a new proposal that already closes within 24 hours once, not again as "closing soon"', async () => {
    const now = { value: 0 };
    const raised: CoopNotice[] = [];
    const subject = reminders(now, raised);
    await subject.newProposal(proposal(HOUR));
    await subject.check([proposal(HOUR)]);
    expect(raised.map((notice) => notice.kind)).toEqual(['newProposal']);
  });

  it('raises a new proposal once, with what the notice shows', async () => {
    const now = { value: 0 };
    const raised: CoopNotice[] = [];
    const subject = reminders(now, raised);
    await subject.newProposal(proposal(72 * HOUR));
    await subject.newProposal(proposal(72 * HOUR));
    expect(raised).toEqual([{ kind: 'newProposal', ...proposal(72 * HOUR) }]);
  });
});
