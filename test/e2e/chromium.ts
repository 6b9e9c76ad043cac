/**
 * How the tests and the benchmark start a browser: Debian's Chromium (never a downloaded one),
 * with the flags this machine needs when running as root on a closed network.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with 'apt-get install chromium' (see .ci/run).`,
    );
  }
}

export const WEB_URL = 'http://127.0.0.1:5180';
