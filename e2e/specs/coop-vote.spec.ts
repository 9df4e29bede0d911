import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startApp, type RunningApp } from '../fixtures/app.ts';
import { connectBridge } from '../fixtures/bridge-client.ts';
import { matrixApi } from '../fixtures/matrix-api.ts';
import { NIO_MISSING_REASON, nioAvailable, startNioPeer, type NioPeer } from '../fixtures/nio-peer.ts';
import { until } from '../fixtures/until.ts';
import { newTestUser, type TestUser } from '../fixtures/users.ts';

type Bridge = Awaited<ReturnType<typeof connectBridge>>;

const apps: RunningApp[] = [];
const peers: NioPeer[] = [];
test.afterEach(async () => {
  await Promise.all([...apps.splice(0).map((app) => app.stop()), ...peers.splice(0).map((peer) => peer.stop())]);
});

/**
 * A member on their own Rembuk core, driven over the same bridge the window uses. The
 * recovery key the first device shows once is taken here (as the member saves it), so no
 * window opened later has it in the way.
 */
const rembukMember = async (user: TestUser): Promise<Bridge & { app: RunningApp; recoveryKey: string }> => {
  const app = await startApp();
  apps.push(app);
  const bridge = await connectBridge(app.url);
  await bridge.invoke('session:signIn', { homeserverUrl: user.baseUrl, username: user.localpart, password: user.password });
  const recoveryKey = await until(`${user.localpart}'s recovery key`, async () => (await bridge.invoke('security:takeRecoveryKey', {}))?.recoveryKey, 60_000);
  return Object.assign(bridge, { app, recoveryKey });
};

/** The member's window on the Co-op tab, with a proposal open. */
const openProposalWindow = async (browser: Browser, member: { app: RunningApp }, roomId: string, proposalId: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(member.app.url);
  await page.getByTestId('tab-coop').click();
  await page.locator(`[data-testid="coop-row"][data-room-id="${roomId}"] button`).click();
  await page.locator(`[data-testid="proposal-row"][data-proposal-id="${proposalId}"] button`).click();
  await page.getByTestId('proposal-view').waitFor();
  return page;
};

const joinCoop = async (bridge: Bridge, roomId: string): Promise<void> => {
  await until(
    'the co-op invite to arrive',
    async () =>
      await bridge.invoke('invite:accept', { roomId }).then(
        () => true,
        () => undefined,
      ),
  );
  await until('the co-op to show in the Co-op tab', async () =>
    (await bridge.invoke('coop:list', {})).some((coop) => coop.roomId === roomId) ? true : undefined,
  );
};

test('a four-class co-op votes on a proposal; the weighted result matches the hand count, whatever happens after it starts', async ({ browser }) => {
  test.skip(!nioAvailable(), NIO_MISSING_REASON);
  test.setTimeout(300_000);
  const names = ['ketua', 'pendiri2', 'pekerja1', 'pekerja2', 'pekerja3', 'pengguna-nio', 'pengguna2', 'investor1', 'terlambat'] as const;
  const users = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await newTestUser(name)] as const))) as Record<
    (typeof names)[number],
    TestUser
  >;

  // Seven members on Rembuk cores; one on matrix-nio (votes as Element would); two speak the
  // client-server API directly (one never votes, one joins late).
  // One after another: six cores setting up cross-signing at once would only contend for two CPUs.
  const ketua = await rembukMember(users.ketua);
  const pekerja1 = await rembukMember(users.pekerja1);
  const pekerja2 = await rembukMember(users.pekerja2);
  const pekerja3 = await rembukMember(users.pekerja3);
  const pengguna2 = await rembukMember(users.pengguna2);
  const investor1 = await rembukMember(users.investor1);
  const nio = await startNioPeer({
    homeserverUrl: users['pengguna-nio'].baseUrl,
    userId: users['pengguna-nio'].userId,
    password: users['pengguna-nio'].password,
  });
  peers.push(nio);
  await nio.login();

  // The chair creates the co-op with the charter's weights, inviting everyone but the latecomer.
  const weights = { pendiri: 2500, pekerja: 3500, pengguna: 3000, investor: 1000 };
  const invited = names.filter((name) => name !== 'ketua' && name !== 'terlambat').map((name) => users[name].userId);
  const { roomId, spaceId } = await ketua.invoke('coop:create', { name: 'Koperasi Multi Pihak Rembuk', weights, invite: invited });
  expect(spaceId).toMatch(/^!/);
  await Promise.all([pekerja1, pekerja2, pekerja3, pengguna2, investor1].map((member) => joinCoop(member, roomId)));
  await matrixApi(users.pendiri2.baseUrl, users.pendiri2.accessToken).join(roomId);
  await until('nio to join', async () => ((await nio.acceptInvites()).includes(roomId) ? true : undefined));

  const coop = await ketua.invoke('coop:get', { roomId });
  expect(coop.charter.classes.map((entry) => [entry.id, entry.weightBps])).toEqual(Object.entries(weights));
  expect(coop.canManageRegistry).toBe(true);

  // The secretary (here the chair) assigns the classes.
  const classes: [TestUser, string][] = [
    [users.ketua, 'pendiri'],
    [users.pendiri2, 'pendiri'],
    [users.pekerja1, 'pekerja'],
    [users.pekerja2, 'pekerja'],
    [users.pekerja3, 'pekerja'],
    [users['pengguna-nio'], 'pengguna'],
    [users.pengguna2, 'pengguna'],
    [users.investor1, 'investor'],
  ];
  for (const [user, classId] of classes) {
    await ketua.invoke('coop:assignClass', { roomId, userId: user.userId, classId });
  }
  // A member cannot set their own class: the registry needs the secretary's power level.
  await expect(pekerja1.invoke('coop:assignClass', { roomId, userId: users.pekerja1.userId, classId: 'pendiri' })).rejects.toThrow(/forbidden/);
  // The chair appoints a secretary, who may then keep the registry too.
  await ketua.invoke('coop:setSecretary', { roomId, userId: users.pekerja1.userId, secretary: true });
  await until('the appointment to reach the secretary', async () => ((await pekerja1.invoke('coop:get', { roomId })).canManageRegistry ? true : undefined));
  await until('the registry to reach every Rembuk member', async () => {
    const views = await Promise.all([ketua, pekerja1, investor1].map((member) => member.invoke('coop:get', { roomId })));
    return views.every((view) => view.members.filter((member) => member.classId !== null).length === 8) ? true : undefined;
  });

  // Members hear of a new proposal (in an encrypted room the server cannot push it: main raises it).
  const notices: string[] = [];
  pekerja1.on('coop:notice', (notice) => notices.push(`${notice.kind}: ${notice.title}`));
  const closesAt = Date.now() + 45_000;
  const { proposalId } = await ketua.invoke('coop:propose', {
    roomId,
    title: 'Menaikkan simpanan wajib',
    body: 'Simpanan wajib naik dari **Rp10.000** menjadi **Rp15.000** per bulan.',
    decisionType: 'biasa',
    kind: 'motion',
    closesAt,
  });

  // After the proposal: a class change and a latecomer must not change who votes or how a vote weighs.
  await ketua.invoke('coop:assignClass', { roomId, userId: users.pekerja3.userId, classId: 'investor' });
  await ketua.invoke('room:invite', { roomId, userId: users.terlambat.userId });
  const late = matrixApi(users.terlambat.baseUrl, users.terlambat.accessToken);
  await late.join(roomId);
  await pekerja1.invoke('coop:assignClass', { roomId, userId: users.terlambat.userId, classId: 'pekerja' });

  const waitForProposal = (member: Bridge) =>
    until('the proposal to reach the member', async () =>
      (await member.invoke('coop:proposal', { roomId, proposalId }).catch(() => undefined))?.canVote === true ? true : undefined,
    );
  await Promise.all([ketua, pekerja1, pekerja2, pekerja3, pengguna2, investor1].map(waitForProposal));
  // Announced once (it closes within 24 hours, so no second "closing soon" notice).
  await until('the new-proposal notice', () => (notices.length > 0 ? true : undefined));
  expect(notices).toEqual(['newProposal: Menaikkan simpanan wajib']);

  await ketua.invoke('coop:vote', { roomId, proposalId, answers: ['setuju'] });
  await pekerja1.invoke('coop:vote', { roomId, proposalId, answers: ['setuju'] });
  await pekerja2.invoke('coop:vote', { roomId, proposalId, answers: ['setuju'] });
  // A changed vote: the latest counts.
  await pekerja2.invoke('coop:vote', { roomId, proposalId, answers: ['tolak'] });
  await pekerja3.invoke('coop:vote', { roomId, proposalId, answers: ['abstain'] });
  // A withdrawn vote: no ballot.
  await pengguna2.invoke('coop:vote', { roomId, proposalId, answers: ['setuju'] });
  await pengguna2.invoke('coop:vote', { roomId, proposalId, answers: [] });
  // From the window: the investor opens the proposal in the Co-op tab and agrees.
  const investorWindow = await openProposalWindow(browser, investor1, roomId, proposalId);
  await investorWindow.getByTestId('vote-setuju').click();
  await expect(investorWindow.getByTestId('vote-setuju')).toHaveAttribute('aria-pressed', 'true');
  await expect(investorWindow.getByTestId('proposal-outcome')).toHaveAttribute('data-outcome', 'open');
  // An answer the poll does not offer is refused before anything is sent.
  await expect(investor1.invoke('coop:vote', { roomId, proposalId, answers: ['ya'] })).rejects.toThrow(/invalid_answer/);
  // As Element sends it: a plain MSC3381 response, encrypted by matrix-nio, with a forged weight that must be ignored.
  await nio.sendEvent(roomId, 'org.matrix.msc3381.poll.response', {
    'm.relates_to': { rel_type: 'm.reference', event_id: proposalId },
    'org.matrix.msc3381.poll.response': { answers: ['tolak'] },
    weight: 999,
    class: 'investor',
  });
  // The latecomer is outside the frozen electorate: their response is ignored.
  await late.sendEvent(roomId, 'org.matrix.msc3381.poll.response', {
    'm.relates_to': { rel_type: 'm.reference', event_id: proposalId },
    'org.matrix.msc3381.poll.response': { answers: ['setuju'] },
  });
  // Closing before the deadline is refused.
  await expect(ketua.invoke('coop:close', { roomId, proposalId })).rejects.toThrow(/proposal_still_open/);

  // The count everyone sees while it runs: the nio vote decrypted, every vote in.
  await until(
    'the running count to include every vote',
    async () => {
      const view = await ketua.invoke('coop:proposal', { roomId, proposalId });
      const users = view.tally.classes.find((entry) => entry.id === 'pengguna');
      return users?.against === 1 && view.tally.classes.reduce((sum, entry) => sum + entry.ballots, 0) === 6 ? true : undefined;
    },
    60_000,
  );

  await until('the deadline to pass', () => (Date.now() > closesAt + 1000 ? true : undefined), 90_000);
  await ketua.invoke('coop:close', { roomId, proposalId });

  /*
   * The hand count, frozen at the proposal (weights 25/35/30/10 %, ordinary: more than 1/2,
   * quorum 10 % per class):
   *   pendiri  2 eligible: ketua for; pendiri2 did not vote      → 1 ballot, support 1/1
   *   pekerja  3 eligible: for, against (changed), abstain        → 3 ballots, support 1/2
   *            (pekerja3 moved to investor after the start: still pekerja; the latecomer: ignored)
   *   pengguna 2 eligible: nio against; pengguna2 withdrew        → 1 ballot, support 0/1
   *   investor 1 eligible: for                                    → 1 ballot, support 1/1
   * weighted = (2500·1 + 3500·1/2 + 3000·0 + 1000·1) / 10000 = 5250/10000 = 21/40 (52.5 %) > 1/2: passed.
   */
  const expected = {
    outcome: 'passed',
    weightedSupport: { num: '21', den: '40', percent: '52.50' },
    classes: [
      { id: 'pendiri', eligible: 2, ballots: 1, for: 1, against: 0, abstain: 0, counts: true, support: { num: '1', den: '1' } },
      { id: 'pekerja', eligible: 3, ballots: 3, for: 1, against: 1, abstain: 1, counts: true, support: { num: '1', den: '2' } },
      { id: 'pengguna', eligible: 2, ballots: 1, for: 0, against: 1, abstain: 0, counts: true, support: { num: '0', den: '1' } },
      { id: 'investor', eligible: 1, ballots: 1, for: 1, against: 0, abstain: 0, counts: true, support: { num: '1', den: '1' } },
    ],
  };
  for (const member of [ketua, pekerja2, investor1]) {
    const result = await until('the closed result to reach the member', async () => {
      const view = await member.invoke('coop:proposal', { roomId, proposalId });
      return view.closed ? view : undefined;
    });
    expect(result.tally.outcome).toBe(expected.outcome);
    expect(result.tally.provisional).toBe(false);
    expect(result.tally.weightedSupport).toEqual(expected.weightedSupport);
    expect(
      result.tally.classes.map(({ id, eligible, ballots, for: inFavour, against, abstain, counts, support }) => ({
        id,
        eligible,
        ballots,
        for: inFavour,
        against,
        abstain,
        counts,
        support: support === null ? null : { num: support.num, den: support.den },
      })),
    ).toEqual(expected.classes);
    expect(result.canVote).toBe(false);
  }
  // Everyone sees the final result with its per-class breakdown; in the window too.
  const chairWindow = await openProposalWindow(browser, ketua, roomId, proposalId);
  await expect(chairWindow.getByTestId('proposal-outcome')).toHaveAttribute('data-outcome', 'passed');
  await expect(chairWindow.getByTestId('weighted-support')).toHaveAttribute('title', /21\/40/);
  await expect(chairWindow.locator('[data-testid="class-tally"]')).toHaveCount(4);
  await expect(investorWindow.getByTestId('proposal-outcome')).toHaveAttribute('data-outcome', 'passed');
  // A closed proposal offers no voting.
  await expect(investorWindow.getByTestId('vote-setuju')).toHaveCount(0);

  // Closed: no more votes.
  await expect(pekerja1.invoke('coop:vote', { roomId, proposalId, answers: ['tolak'] })).rejects.toThrow(/proposal_closed/);

  // A supervisor checks the result without trusting the client that closed it: the audit
  // command signs in as the chair on a fresh device, restores the votes' keys from the
  // chair's key backup with the recovery key, and recomputes the tally from the room's events.
  await until(
    'the chair’s key backup to hold every voter’s room key',
    async () => ((await matrixApi(users.ketua.baseUrl, users.ketua.accessToken).keyBackupCount()) >= 7 ? true : undefined),
    60_000,
  );
  const cli = fileURLToPath(new URL('../../main/audit/cli.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', cli, users.ketua.baseUrl, users.ketua.localpart, roomId, proposalId],
    {
      env: { ...process.env, REMBUK_AUDIT_PASSWORD: users.ketua.password, REMBUK_AUDIT_RECOVERY_KEY: ketua.recoveryKey },
      timeout: 120_000,
    },
  );
  const audit = JSON.parse(stdout) as {
    result: {
      outcome: string;
      provisional: boolean;
      weightedSupport: { num: string; den: string };
      classes: { id: string; eligible: number; ballots: number; for: number; against: number; abstain: number }[];
    };
    electorate: Record<string, string>;
    closerClaimMatches: boolean;
    closerClaimDifferences: string[];
  };
  expect(audit.result.outcome).toBe('passed');
  expect(audit.result.provisional).toBe(false);
  expect(audit.result.weightedSupport).toEqual({ num: '21', den: '40' });
  expect(
    audit.result.classes.map(({ id, eligible, ballots, for: inFavour, against, abstain }) => ({ id, eligible, ballots, for: inFavour, against, abstain })),
  ).toEqual(expected.classes.map(({ id, eligible, ballots, for: inFavour, against, abstain }) => ({ id, eligible, ballots, for: inFavour, against, abstain })));
  expect(audit.electorate[users.pekerja3.userId]).toBe('pekerja');
  expect(audit.electorate[users.terlambat.userId]).toBeUndefined();
  expect(audit.closerClaimDifferences).toEqual([]);
  expect(audit.closerClaimMatches).toBe(true);
});
