import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { installSynapse, startSynapse, type RunningSynapse } from '../e2e/homeserver/synapse.ts';
import { saveRecoveryKey, signInThroughUi } from '../e2e/fixtures/member.ts';
import type { RunningApp } from '../e2e/fixtures/app.ts';

/** What every benchmark starts from: its own Synapse and a headless Chromium. */
export const benchHomeserver = async (): Promise<RunningSynapse> => {
  await installSynapse();
  return startSynapse({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'rembuk-bench-')) });
};

export const benchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.REMBUK_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const openSignedIn = async (browser: Browser, app: RunningApp, hs: RunningSynapse, localpart: string, password: string): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  await signInThroughUi(page, { homeserverUrl: hs.baseUrl, username: localpart, password });
  await page.getByTestId('room-list').waitFor();
  // A fresh account's first device shows its recovery key once; out of the way before measuring.
  await saveRecoveryKey(page);
  return page;
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

export const report = (title: string, rows: Record<string, string | number>): void => {
  console.log(`\n${title}`);
  for (const [key, value] of Object.entries(rows)) {
    console.log(`  ${key.padEnd(44)} ${typeof value === 'number' ? value.toFixed(1) : value}`);
  }
};
