import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, WEB_URL } from './test/e2e/chromium';

// End-to-end tests drive the web build (npm run build:web) in Debian's Chromium.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: WEB_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    trace: 'off',
  },
  webServer: {
    command: 'npx vite preview --config vite.web.config.ts',
    url: WEB_URL,
    // Never reuse a server already on the port: it may serve an older build than the one under test.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
