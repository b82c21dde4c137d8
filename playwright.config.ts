import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  E2E_EMULATOR_PORT,
  E2E_EMULATOR_SERVER_KEY,
  E2E_EMULATOR_URL,
} from './tests/e2e/support/emulator.ts';
import {
  E2E_ADMIN_TOKEN,
  E2E_BASE_URL,
  E2E_MIDTRANS_BASE_URL,
  E2E_MIDTRANS_PORT,
  E2E_PORT,
} from './tests/e2e/support/paylink.ts';
import { SERVER_NODE_FLAGS } from './tests/support/server-node-flags.ts';

// Debian's chromium when present (CI installs it); otherwise Playwright's own browser.
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      // The machine's network is closed: no background traffic, no QUIC, no sandbox as root.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

// Playwright empties test-results/ before starting the server, so each run gets a fresh store.
const dataDir = `test-results/e2e-data-${Date.now()}`;

// Mobile first (SPEC §7): the smallest phone the page must serve well.
const phone = {
  ...devices['Pixel 7'],
  viewport: { width: 360, height: 740 },
  screen: { width: 360, height: 740 },
  // The customer the page is made for: a phone set to Indonesian, in Jakarta.
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
  launchOptions,
};

/** The journeys that pay through a gateway (SPEC §10): the Midtrans emulator behind Paylink. */
const MIDTRANS_SPECS = /midtrans-.*\.spec\.ts/;

const NODE_SERVER = `node ${SERVER_NODE_FLAGS.join(' ')} dist/server/entry.mjs`;

/** What both Paylink servers share: a store of their own, the admin API, local receivers. */
function serverEnv(port: number, dataDir: string) {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    // Test receivers listen on 127.0.0.1 (SPEC §6 refuses that unless allowed).
    CALLBACK_ALLOW_PRIVATE: 'true',
    // The browser tests all come from 127.0.0.1 (SPEC §9 limits are tested in vitest).
    RATE_LIMITS: 'off',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: { baseURL: E2E_BASE_URL, trace: 'retain-on-failure' },
  projects: [
    { name: 'phone', testIgnore: MIDTRANS_SPECS, use: phone },
    {
      name: 'phone-midtrans',
      testMatch: MIDTRANS_SPECS,
      use: { ...phone, baseURL: E2E_MIDTRANS_BASE_URL },
      // The emulator's injected faults hit whichever charge comes next: one test at a time.
      workers: 1,
    },
  ],
  // Started in this order, each once the one before answers: the first builds dist/, which
  // the Midtrans-backed server then runs as it is.
  webServer: [
    {
      command: `npm run build && ${NODE_SERVER}`,
      url: `${E2E_BASE_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: serverEnv(E2E_PORT, dataDir),
    },
    {
      command: `node tests/support/midtrans-emulator/main.ts --port ${E2E_EMULATOR_PORT} --server-key ${E2E_EMULATOR_SERVER_KEY}`,
      url: `${E2E_EMULATOR_URL}/_sim/orders`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: NODE_SERVER,
      url: `${E2E_MIDTRANS_BASE_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        ...serverEnv(E2E_MIDTRANS_PORT, `${dataDir}-midtrans`),
        PAYMENT_PROVIDER: 'midtrans',
        MIDTRANS_SERVER_KEY: E2E_EMULATOR_SERVER_KEY,
        MIDTRANS_BASE_URL: E2E_EMULATOR_URL,
        // A gateway that does not answer gives up quickly, so the fault journeys stay short.
        MIDTRANS_TIMEOUT_MS: '1500',
        // Where the emulator sends its notifications (SPEC §10).
        PUBLIC_BASE_URL: E2E_MIDTRANS_BASE_URL,
        // Cancellations at the gateway and reconciliation are the worker's: soon, in a test.
        WORKER_INTERVAL_MS: '200',
      },
    },
  ],
});
