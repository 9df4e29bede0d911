/**
 * WhatsApp export parsing: the 50,001-entry, 4.7 MB volume fixture decoded and parsed
 * (main/core/import/whatsapp), against a baseline measured in the same run that only
 * decodes the file and splits it into lines. Time is the median of ROUNDS runs after a
 * warm-up; memory is the RSS high-water mark of a fresh child process that parses once,
 * minus that of a child that loads the same modules and does nothing.
 * Goals: median < 1 s, peak < 200 MB.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeText, splitLines } from '../main/core/import/whatsapp/decode-text.ts';
import { parseBytes } from '../main/core/import/whatsapp/parse-export.ts';
import { whatsappFixture } from '../main/core/test-support/shared-fixtures.ts';

const FILE = whatsappFixture('txt', '19-volume-50k-android-id.txt');
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const WARM_UP = 3;
const CHILD_RUNS = 3;
const GOAL_MS = 1000;
const GOAL_MB = 200;
const MB = 1024 * 1024;

type Work = 'empty' | 'baseline' | 'parse';

const baseline = (bytes: Uint8Array): number => splitLines(decodeText(bytes)).lines.length;
const parseAll = (bytes: Uint8Array): number => parseBytes(bytes).entries.length;

/** In the child: do the work once, keep its result reachable, report the peak RSS in bytes. */
const child = (work: Work): void => {
  const bytes = readFileSync(FILE);
  const result = work === 'parse' ? parseAll(bytes) : work === 'baseline' ? baseline(bytes) : 0;
  // resourceUsage().maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ result, maxRss: process.resourceUsage().maxRSS * 1024 }));
};

const childPeak = (work: Work): number => {
  const run = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', work], { encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`child ${work} failed: ${run.stderr}`);
  }
  return (JSON.parse(run.stdout) as { maxRss: number }).maxRss;
};

const time = (work: (bytes: Uint8Array) => number, bytes: Uint8Array): number[] => {
  for (let round = 0; round < WARM_UP; round++) {
    work(bytes);
  }
  return Array.from({ length: ROUNDS }, () => {
    const started = performance.now();
    work(bytes);
    return performance.now() - started;
  });
};

const main = async (): Promise<void> => {
  // Loaded here, not at the top: the children must not carry Playwright in their RSS.
  const { median, percentile, report } = await import('./bench-kit.ts');
  const bytes = readFileSync(FILE);
  const entries = parseAll(bytes);
  const parseTimes = time(parseAll, bytes);
  const baselineTimes = time(baseline, bytes);
  const peaks = (work: Work): number => median(Array.from({ length: CHILD_RUNS }, () => childPeak(work)));
  const empty = peaks('empty');
  const parsePeak = (peaks('parse') - empty) / MB;
  const baselinePeak = (peaks('baseline') - empty) / MB;
  const parseMedian = median(parseTimes);

  report(`Parse a WhatsApp export: ${path.basename(FILE)} (${(bytes.length / MB).toFixed(1)} MB, ${entries} entries)`, {
    [`parse median ms (${ROUNDS} runs, goal < ${GOAL_MS})`]: parseMedian,
    'parse p90 ms': percentile(parseTimes, 90),
    'baseline (decode + split lines) median ms': median(baselineTimes),
    [`parse peak RSS over empty child MB (goal < ${GOAL_MB})`]: parsePeak,
    'baseline peak RSS over empty child MB': baselinePeak,
    'empty child RSS MB': empty / MB,
    verdict: parseMedian < GOAL_MS && parsePeak < GOAL_MB ? 'PASS' : 'FAIL',
  });
  if (parseMedian >= GOAL_MS || parsePeak >= GOAL_MB) {
    process.exitCode = 1;
  }
};

if (process.argv[2] === '--child') {
  child(process.argv[3] as Work);
} else {
  await main();
}
