/**
 * Smoke test of the real app in the real Electron runtime: build with electron-vite, launch the
 * main entry (out/main/index.js, via package.json "main") with Playwright, and look at the window
 * from the page's side. Unit tests cover the logic; this proves the wiring (protocol, preload,
 * sandbox, CSP) holds together. Skipped where no Electron binary is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ElectronApplication, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_METHODS } from '../../src/shared/ipc-channels';

const SKIP_MESSAGE = 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); runs where Electron is available';
const ROOT = join(import.meta.dirname, '../..');

/** Path of the Electron executable, or null when `npm install` skipped the download. */
function electronBinary(): string | null {
  try {
    // The electron package's entry resolves to the executable's path, and throws without it.
    const resolved: unknown = createRequire(import.meta.url)('electron');
    return typeof resolved === 'string' && existsSync(resolved) ? resolved : null;
  } catch (error) {
    console.info(`${SKIP_MESSAGE} (${String(error)})`);
    return null;
  }
}

const binary = electronBinary();
let app: ElectronApplication | null = null;
let page: Page | null = null;

function running(): { app: ElectronApplication; page: Page } {
  if (app === null || page === null) throw new Error('the app did not start');
  return { app, page };
}

beforeAll(async () => {
  if (binary === null) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const { _electron } = await import('@playwright/test');
  // The production path only: without ELECTRON_RENDERER_URL the app loads app://mission-dossier/.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[0] !== 'ELECTRON_RENDERER_URL' && entry[1] !== undefined,
    ),
  );
  // Chromium refuses to run as root with its sandbox (typical in CI containers); elsewhere the
  // sandbox stays on.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', ROOT] : [ROOT];
  app = await _electron.launch({ executablePath: binary, args, cwd: ROOT, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
}, 240_000);

afterAll(async () => {
  await app?.close();
});

describe('the packaged-mode app in Electron', () => {
  it('opens its window over app://mission-dossier/', (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    expect(running().page.url()).toMatch(/^app:\/\/mission-dossier\//);
  });

  it('is titled Mission Dossier', async (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    const title = await running().app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('Mission Dossier');
  });

  it('gives the page window.api with exactly the contract methods, and no Node', async (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    const seen = await running().page.evaluate(() => ({
      api: typeof window.api,
      methods: Object.keys(window.api ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(seen).toEqual({
      api: 'object',
      methods: [...IPC_METHODS].sort(),
      require: 'undefined',
      process: 'undefined',
    });
  });

  it('answers appInfo through the bridge', async (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    const info = await running().page.evaluate(() => window.api?.appInfo());
    expect(info).toMatchObject({ name: 'Mission Dossier', platform: process.platform });
  });

  it('serves its files with the Content-Security-Policy header', async (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    const csp = await running().page.evaluate(async () =>
      (await fetch('/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'self'");
  });

  it('refuses to navigate away from the app', async (ctx) => {
    ctx.skip(binary === null, SKIP_MESSAGE);
    const { page: appPage } = running();
    await appPage.evaluate(() => {
      window.location.href = 'file:///etc/passwd';
    });
    await new Promise((settle) => setTimeout(settle, 500));
    expect(appPage.url()).toMatch(/^app:\/\/mission-dossier\//);
  });
});
