import type { CharterView, ClassTallyView, CoopView, DecisionTypeView, ProposalView } from '../../../shared/model/coop.ts';

const biasa: DecisionTypeView = {
  id: 'biasa',
  name: { id: 'Keputusan biasa', en: 'Ordinary decision' },
  threshold: { num: '1', den: '2', percent: '50.00', strict: true },
  classQuorumBps: { pendiri: 1000, pekerja: 1000, pengguna: 1000, investor: 1000 },
  belowQuorum: 'drop',
  requireMajorityInEachClass: false,
};

export const charter = (extra: Partial<CharterView> = {}): CharterView => ({
  version: 1,
  name: { id: 'Anggaran dasar koperasi', en: 'Co-op charter' },
  classes: [
    { id: 'pendiri', name: { id: 'Pendiri', en: 'Founders' }, weightBps: 2500 },
    { id: 'pekerja', name: { id: 'Pekerja', en: 'Workers' }, weightBps: 3500 },
    { id: 'pengguna', name: { id: 'Pengguna', en: 'Users' }, weightBps: 3000 },
    { id: 'investor', name: { id: 'Investor', en: 'Investors' }, weightBps: 1000 },
  ],
  decisionTypes: [
    biasa,
    {
      id: 'khusus',
      name: { id: 'Keputusan khusus', en: 'Special decision' },
      threshold: { num: '2', den: '3', percent: '66.67', strict: false },
      classQuorumBps: { pendiri: 5000, pekerja: 5000, pengguna: 1000, investor: 5000 },
      belowQuorum: 'fail',
      requireMajorityInEachClass: true,
    },
  ],
  withoutVotes: 'drop',
  ...extra,
});

export const coopView = (extra: Partial<CoopView> = {}): CoopView => ({
  roomId: '!coop:x',
  spaceId: '!space:x',
  name: 'Koperasi Tani',
  charter: charter(),
  members: [
    { userId: '@sari:example.org', displayName: 'Sari', classId: 'pendiri', membership: 'join', secretary: true },
    { userId: '@budi:example.org', displayName: 'Budi', classId: 'pekerja', membership: 'join', secretary: false },
    { userId: '@ani:example.org', displayName: 'Ani', classId: null, membership: 'invite', secretary: false },
  ],
  proposals: [],
  canManageRegistry: true,
  canPropose: true,
  canInvite: true,
  canAppointSecretaries: true,
  ...extra,
});

export const classTally = (id: string, extra: Partial<ClassTallyView> = {}): ClassTallyView => ({
  id,
  weightBps: 2500,
  eligible: 4,
  ballots: 3,
  for: 3,
  against: 0,
  abstain: 0,
  spoiled: 0,
  quorumBps: 5000,
  quorumMet: true,
  counts: true,
  support: { num: '3', den: '3', percent: '100.00' },
  optionShares: null,
  ...extra,
});

export const proposalView = (extra: Partial<ProposalView> = {}): ProposalView => ({
  id: '$p1',
  title: 'Beli traktor',
  decisionType: 'biasa',
  kind: 'motion',
  proposer: '@sari:example.org',
  proposerName: 'Sari',
  createdAt: 1_700_000_000_000,
  closesAt: Date.now() + 2 * 24 * 60 * 60 * 1000,
  closed: false,
  outcome: 'open',
  myVote: null,
  body: 'Kita **perlu** traktor.',
  answers: [
    { id: 'setuju', text: 'Setuju' },
    { id: 'tolak', text: 'Tolak' },
    { id: 'abstain', text: 'Abstain' },
  ],
  decision: biasa,
  withoutVotes: 'drop',
  classes: charter().classes,
  tally: {
    classes: [
      classTally('pendiri', { eligible: 4, ballots: 4, for: 3, against: 1, support: { num: '3', den: '4', percent: '75.00' } }),
      classTally('pekerja', {
        weightBps: 3500,
        eligible: 10,
        ballots: 1,
        for: 1,
        against: 0,
        quorumBps: 3000,
        quorumMet: false,
        counts: false,
        support: { num: '1', den: '1', percent: '100.00' },
      }),
    ],
    weightedSupport: { num: '221', den: '400', percent: '55.25' },
    optionShares: null,
    winner: null,
    outcome: 'open',
    provisional: false,
    undecryptable: 0,
    cutoffTs: 0,
  },
  canVote: true,
  canClose: false,
  invalid: false,
  ...extra,
});
