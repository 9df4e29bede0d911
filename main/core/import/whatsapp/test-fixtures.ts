/**
 * The shared WhatsApp fixtures, read in place: they sit in `shared/fixtures/whatsapp` beside
 * the repository (`../shared` from its root), not in it, and are never copied in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { whatsappFixture } from '../../test-support/shared-fixtures.ts';

export const FIXTURES = whatsappFixture();

export const fixturePath = (...segments: string[]): string => path.join(FIXTURES, ...segments);

export const textFixtures = (): string[] =>
  readdirSync(fixturePath('txt'))
    .filter((name) => name.endsWith('.txt'))
    .sort();

/** The ground truth of `expected/NAME.json` (see the fixtures' EXPECTED.md). */
export type ExpectedEntry = {
  readonly ts: string;
  readonly type: 'message' | 'system';
  readonly sender: string | null;
  /** Absent where the file gives only `body_bytes` (the 2 MB fixture). */
  readonly body?: string;
  readonly body_bytes?: number;
  readonly attachment?: string | null;
  readonly tags: readonly string[];
};

export type ExpectedFile = {
  readonly file: string;
  readonly format: 'android' | 'ios';
  readonly date_order: 'DMY' | 'MDY';
  readonly real_world_filename: string | null;
  readonly entry_count: number;
  readonly message_count: number;
  readonly system_count: number;
  readonly attachment_count: number;
  readonly huge_body_bytes?: number;
  readonly entries?: readonly ExpectedEntry[];
};

export const expectedFor = (textFixture: string): ExpectedFile =>
  JSON.parse(readFileSync(fixturePath('expected', textFixture.replace(/\.txt$/, '.json')), 'utf8')) as ExpectedFile;
