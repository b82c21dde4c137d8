import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_TOKEN, E2E_BASE_URL, E2E_PORT } from './tests/e2e/support/paylink.ts';
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

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: { baseURL: E2E_BASE_URL, trace: 'retain-on-failure' },
  projects: [
    {
      // Mobile first (SPEC §7): the smallest phone the page must serve well.
      name: 'phone',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 360, height: 740 },
        screen: { width: 360, height: 740 },
        // The customer the page is made for: a phone set to Indonesian, in Jakarta.
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        launchOptions,
      },
    },
  ],
  webServer: {
    command: `npm run build && node ${SERVER_NODE_FLAGS.join(' ')} dist/server/entry.mjs`,
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      LOG_LEVEL: 'warn',
      // Test receivers listen on 127.0.0.1 (SPEC §6 refuses that unless allowed).
      CALLBACK_ALLOW_PRIVATE: 'true',
      // The browser tests all come from 127.0.0.1 (SPEC §9 limits are tested in vitest).
      RATE_LIMITS: 'off',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  },
});
