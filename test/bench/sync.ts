/**
 * Sync benchmark in the browser: the scenario of sync-scenario.ts, bundled with Vite and run in
 * Debian's Chromium on its own IndexedDB, as the app's sync runs. `tsx test/bench/sync.ts` prints
 * the figures as JSON on the last line; `--node` runs the same scenario in Node with
 * fake-indexeddb instead (quicker, for development; not the reported figure).
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { DEFAULT_SEED } from './seed-organisations';
import type { SyncFigures } from './sync-scenario';

export type { SyncFigures };

/** Served by request interception: 127.0.0.1 is a secure context, so WebCrypto is there. */
const PAGE_URL = 'http://127.0.0.1:5999/bench-sync.html';

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: resolve(import.meta.dirname, '..', '..'),
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(import.meta.dirname, 'sync-page.ts'), formats: ['iife'], name: 'BenchSync' },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('the sync benchmark bundle was not built');
}

export async function benchSync(seed = DEFAULT_SEED): Promise<SyncFigures & { environment: string }> {
  assertChromium();
  const code = await bundle();
  const dir = mkdtempSync(join(tmpdir(), 'mission-dossier-bench-sync-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.route(PAGE_URL, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><meta charset="utf-8"><title>sync bench</title><script>${code.replaceAll('</script', '<\\/script')}</script>`,
      }),
    );
    await page.goto(PAGE_URL);
    const figures = await page.evaluate(
      async ({ value, settleMs }) => {
        if (!window.benchSync) throw new Error('benchSync missing in the page');
        return window.benchSync(value, settleMs);
      },
      { value: seed, settleMs: Number(process.env.BENCH_SYNC_SETTLE_MS ?? 0) },
    );
    return { ...figures, environment: 'chromium (IndexedDB)' };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSyncInNode(seed = DEFAULT_SEED): Promise<SyncFigures & { environment: string }> {
  // A module name in a variable: the package's types are not reachable through its exports map.
  const fakeIndexedDb = 'fake-indexeddb/auto';
  await import(fakeIndexedDb);
  const { syncFigures } = await import('./sync-scenario');
  return { ...(await syncFigures(seed)), environment: 'node + fake-indexeddb' };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  (process.argv.includes('--node') ? benchSyncInNode() : benchSync()).then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
