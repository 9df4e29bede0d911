/**
 * Scrolling a long room: a room of 20,000 messages opened, scrolled from the newest message
 * to the first and back, against a baseline room of 200 messages measured identically in
 * the same run. For each: the time to open the room (click in the room list -> its last
 * message on screen), the time of each scroll, the frame times while scrolling (rAF deltas
 * in the page), and the memory of the core (heap used after a forced GC, through the
 * inspector) and of the renderer (JS heap after a forced GC, through CDP) at the start,
 * after the scroll to the top and after the return to the bottom.
 *
 * Goals (issue 9): memory back within 10% of the start, opening under 300 ms, p95 frame
 * under 20 ms. MESSAGES=2000 makes a quicker run.
 */
import type { Page } from '@playwright/test';
import { startApp } from '../e2e/fixtures/app.ts';
import { matrixApi } from '../e2e/fixtures/matrix-api.ts';
import { benchBrowser, benchHomeserver, median, openSignedIn, percentile } from './bench-kit.ts';
import { connectInspector } from './inspector.ts';

const BIG = Number(process.env.MESSAGES ?? 20_000);
const BASELINE = 200;
const CONCURRENCY = 8;
/** How far one frame scrolls: a fast flick on a trackpad, so the test ends in minutes. */
const STEP_PX = 1_500;
const SCROLL_TIMEOUT_MS = 20 * 60_000;

type Memory = { coreMb: number; rendererMb: number; domNodes: number };
type Measured = {
  messages: number;
  openMs: number;
  upMs: number;
  downMs: number;
  frames: number[];
  start: Memory;
  top: Memory;
  bottom: Memory;
};

const lastBody = (name: string): string => `pesan terakhir di ${name}`;

const hs = await benchHomeserver();
const browser = await benchBrowser();
const app = await startApp({ nodeArgs: ['--inspect=127.0.0.1:0'] });
const inspectorUrl = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(app.output())?.[0];
if (inspectorUrl === undefined) {
  throw new Error(`the core printed no inspector address:\n${app.output()}`);
}
const core = await connectInspector(inspectorUrl);

try {
  const reader = await hs.registerUser('pembaca', 'sandi-pembaca');
  const writer = await hs.registerUser('penulis', 'sandi-penulis');
  const readerApi = matrixApi(hs.baseUrl, reader.accessToken);
  const writerApi = matrixApi(hs.baseUrl, writer.accessToken);

  /** A plain room of `count` messages: PUTs straight to Synapse, CONCURRENCY at a time, then the last one. */
  const fill = async (name: string, count: number): Promise<void> => {
    const roomId = await readerApi.createRoom({ name, invite: [writer.userId] });
    await writerApi.join(roomId);
    const started = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count - 1) {
        const index = (next += 1);
        await writerApi.sendText(roomId, `pesan ${String(index)} di ${name}: ${'isi '.repeat(index % 12)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // Sent alone after the rest, so it is the newest for certain.
    await writerApi.sendText(roomId, lastBody(name));
    const seconds = (performance.now() - started) / 1000;
    console.log(`${name}: ${String(count)} messages in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)}/s)`);
  };
  await fill('Dasar', BASELINE);
  await fill('Besar', BIG);

  const page = await openSignedIn(browser, app, hs, 'pembaca', 'sandi-pembaca');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');

  const memory = async (): Promise<Memory> => {
    await core.collectGarbage();
    await cdp.send('HeapProfiler.collectGarbage');
    const [coreUsed, renderer, metrics] = await Promise.all([core.heapUsed(), cdp.send('Runtime.getHeapUsage'), cdp.send('Performance.getMetrics')]);
    const nodes = metrics.metrics.find((metric) => metric.name === 'Nodes')?.value ?? 0;
    return { coreMb: coreUsed / 2 ** 20, rendererMb: renderer.usedSize / 2 ** 20, domNodes: nodes };
  };

  const measure = async (name: string, messages: number): Promise<Measured> => {
    const openMs = await openRoom(page, name);
    await page.waitForTimeout(1_000); // let the first pages and the viewport hint settle
    const start = await memory();
    const up = await scroll(page, 'up', name);
    await page.waitForTimeout(1_000);
    const top = await memory();
    const down = await scroll(page, 'down', name);
    await page.waitForTimeout(1_000);
    const bottom = await memory();
    return { messages, openMs, upMs: up.ms, downMs: down.ms, frames: [...up.frames, ...down.frames], start, top, bottom };
  };

  const baseline = await measure('Dasar', BASELINE);
  const big = await measure('Besar', BIG);
  printResults(baseline, big);
} finally {
  core.close();
  await browser.close();
  await app.stop();
  await hs.stop();
}

/** Clicks the room in the list and times, in the page, until its last message is on screen. */
async function openRoom(page: Page, name: string): Promise<number> {
  return page.evaluate(
    async ({ room, text }) => {
      const row = document.querySelector<HTMLElement>(`[data-testid="room-row"][data-room-name="${room}"] button`);
      if (row === null) {
        throw new Error(`no room ${room} in the list`);
      }
      const started = performance.now();
      row.click();
      return new Promise<number>((resolve) => {
        const check = (): void => {
          const scroller = document.querySelector('[data-testid="timeline"]');
          const body = [...document.querySelectorAll('[data-testid="message-body"]')].find((element) => element.textContent === text);
          if (scroller !== null && body !== undefined) {
            const box = scroller.getBoundingClientRect();
            const line = body.getBoundingClientRect();
            if (line.bottom <= box.bottom + 1 && line.top >= box.top - 1) {
              resolve(performance.now() - started);
              return;
            }
          }
          requestAnimationFrame(check);
        };
        check();
      });
    },
    { room: name, text: lastBody(name) },
  );
}

/**
 * Scrolls the timeline STEP_PX a frame, recording every frame's time, until the room's
 * start is on screen (up) or its last message is and no newer window is left (down).
 */
async function scroll(page: Page, direction: 'up' | 'down', name: string): Promise<{ ms: number; frames: number[] }> {
  return page.evaluate(
    async ({ up, step, text, timeoutMs }) => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="timeline"]');
      if (scroller === null) {
        throw new Error('no timeline');
      }
      const done = (): boolean => {
        if (up) {
          return scroller.scrollTop <= 0 && document.querySelector('.timeline-start') !== null;
        }
        const body = [...document.querySelectorAll('[data-testid="message-body"]')].find((element) => element.textContent === text);
        const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= 2;
        return body !== undefined && atBottom && document.querySelector('[data-testid="jump-newest"]') === null;
      };
      const frames: number[] = [];
      const started = performance.now();
      let last = started;
      return new Promise<{ ms: number; frames: number[] }>((resolve, reject) => {
        const frame = (now: number): void => {
          frames.push(now - last);
          last = now;
          if (done()) {
            resolve({ ms: performance.now() - started, frames });
            return;
          }
          if (now - started > timeoutMs) {
            reject(new Error(`scrolling ${up ? 'up' : 'down'} did not end in ${String(timeoutMs)} ms`));
            return;
          }
          scroller.scrollBy(0, up ? -step : step);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
    },
    { up: direction === 'up', step: STEP_PX, text: lastBody(name), timeoutMs: SCROLL_TIMEOUT_MS },
  );
}

function printResults(baseline: Measured, big: Measured): void {
  const mb = (value: number): string => value.toFixed(1);
  const ratio = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(2));
  const row = (label: string, b: string, g: string, r: string): void => {
    console.log(`  ${label.padEnd(34)} ${b.padStart(12)} ${g.padStart(12)} ${r.padStart(10)}`);
  };
  const pick = (m: Measured) => ({
    p50: median(m.frames),
    p95: percentile(m.frames, 95),
    max: Math.max(...m.frames),
  });
  const fb = pick(baseline);
  const fg = pick(big);
  console.log(`\nTimeline scroll: ${String(big.messages)} messages against a baseline of ${String(baseline.messages)}, same run`);
  row('', `${String(baseline.messages)} msgs`, `${String(big.messages)} msgs`, 'ratio');
  const line = (label: string, b: number, g: number, format: (value: number) => string = (value) => value.toFixed(0)): void => {
    row(label, format(b), format(g), ratio(g, b));
  };
  line('open room (ms)', baseline.openMs, big.openMs);
  line('scroll to the top (ms)', baseline.upMs, big.upMs);
  line('scroll back to the bottom (ms)', baseline.downMs, big.downMs);
  line('frames while scrolling', baseline.frames.length, big.frames.length);
  line('frame p50 (ms)', fb.p50, fg.p50, (value) => value.toFixed(1));
  line('frame p95 (ms)', fb.p95, fg.p95, (value) => value.toFixed(1));
  line('frame max (ms)', fb.max, fg.max, (value) => value.toFixed(1));
  for (const [label, key] of [
    ['core heap', 'coreMb'],
    ['renderer heap', 'rendererMb'],
  ] as const) {
    line(`${label} at start (MB)`, baseline.start[key], big.start[key], mb);
    line(`${label} after the top (MB)`, baseline.top[key], big.top[key], mb);
    line(`${label} back at bottom (MB)`, baseline.bottom[key], big.bottom[key], mb);
    row(`${label} bottom / start`, ratio(baseline.bottom[key], baseline.start[key]), ratio(big.bottom[key], big.start[key]), '');
  }
  line('DOM nodes at start', baseline.start.domNodes, big.start.domNodes);
  line('DOM nodes after the top', baseline.top.domNodes, big.top.domNodes);
  line('DOM nodes back at bottom', baseline.bottom.domNodes, big.bottom.domNodes);

  const goals: [string, boolean][] = [
    [`core memory back within 10% (${ratio(big.bottom.coreMb, big.start.coreMb)})`, big.bottom.coreMb <= big.start.coreMb * 1.1],
    [`renderer memory back within 10% (${ratio(big.bottom.rendererMb, big.start.rendererMb)})`, big.bottom.rendererMb <= big.start.rendererMb * 1.1],
    [`open the ${String(big.messages)}-message room < 300 ms (${big.openMs.toFixed(0)} ms)`, big.openMs < 300],
    [`p95 frame while scrolling < 20 ms (${fg.p95.toFixed(1)} ms)`, fg.p95 < 20],
  ];
  console.log('\nGoals');
  for (const [goal, met] of goals) {
    console.log(`  ${met ? 'PASS' : 'FAIL'}  ${goal}`);
  }
}
