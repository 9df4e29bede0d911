import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real main core (loopback transport) against a real Synapse,
 * driven through Debian's Chromium. Never `npx playwright install`: no browser
 * download is possible or needed here.
 */
export default defineConfig({
  testDir: './specs',
  globalSetup: './fixtures/global-setup.ts',
  globalTeardown: './fixtures/global-teardown.ts',
  // One Synapse and two cores per test already load the 2-core machine.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['./fixtures/summary-reporter.ts']],
  outputDir: '../test-results',
  use: {
    // A click that cannot happen (a modal in the way) fails in 30 s, not at the test's timeout.
    actionTimeout: 30_000,
    launchOptions: {
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
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
