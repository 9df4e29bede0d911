import path from 'node:path';
import { homeserverDir } from '../homeserver/synapse.ts';

/**
 * The demo co-op's people: one member of each stakeholder class of the default charter.
 * Sari and Budi get a window; Dewi and Hendra speak from short-lived cores, so what they
 * write is end-to-end encrypted like everyone's.
 */
export type DemoMember = {
  localpart: 'sari' | 'budi' | 'dewi' | 'hendra';
  password: string;
  displayName: string;
  classId: 'pendiri' | 'pekerja' | 'pengguna' | 'investor';
  window: boolean;
};

export const demoMembers: readonly DemoMember[] = [
  { localpart: 'sari', password: 'demo-sari', displayName: 'Sari Wulandari', classId: 'pendiri', window: true },
  { localpart: 'budi', password: 'demo-budi', displayName: 'Budi Santoso', classId: 'pekerja', window: true },
  { localpart: 'dewi', password: 'demo-dewi', displayName: 'Dewi Lestari', classId: 'pengguna', window: false },
  { localpart: 'hendra', password: 'demo-hendra', displayName: 'Hendra Wijaya', classId: 'investor', window: false },
];

export const memberByName = (localpart: DemoMember['localpart']): DemoMember => {
  const member = demoMembers.find((candidate) => candidate.localpart === localpart);
  if (member === undefined) {
    throw new Error(`no demo member ${localpart}`);
  }
  return member;
};

/**
 * Where the demo keeps its homeserver, profiles and what it seeded: REMBUK_DEMO_DIR, so a
 * test can run it in a fresh folder without touching a member's demo; else `.homeserver/demo`.
 */
export const demoDirFrom = (env: NodeJS.ProcessEnv): string =>
  env.REMBUK_DEMO_DIR !== undefined && env.REMBUK_DEMO_DIR !== '' ? path.resolve(env.REMBUK_DEMO_DIR) : path.join(homeserverDir(), 'demo');

/** `--check` or REMBUK_DEMO_CHECK=1: seed, verify, stop, no windows. */
export const checkModeFrom = (argv: readonly string[], env: NodeJS.ProcessEnv): boolean => argv.includes('--check') || env.REMBUK_DEMO_CHECK === '1';

/** The co-op's names, as the windows show them. */
export const demoNames = {
  groupRoom: 'Koperasi Kopi Lereng Merapi',
  coop: 'Rapat Anggota Kopi Lereng Merapi',
  importRoom: 'Koperasi Tani Makmur',
} as const;
