/**
 * Start-up benchmark of the web build: how long until the Missions screen is interactive, with an
 * empty database and with 50,000 organisations. See test/bench/README.md.
 *
 *   npm run bench            (builds dist-web/ first, then runs this with tsx)
 *
 * Progress goes to stderr; the last line of stdout is one JSON object with the figures. Exits
 * non-zero only when it could not measure (server, browser, seeding); never because of a timing.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertChromium, CHROMIUM_ARGS, CHROMIUM_PATH, WEB_URL } from '../e2e/chromium';
import { countRows, putChunk, type RowCounts } from './browser-db';
import { startPreviewServer } from './preview-server';
import { DEFAULT_SEED, generateOrganisations } from './seed-organisations';
import { measureReload, median, round, waitInteractive, type StartupSample } from './startup';
import { benchAgenda } from './agenda';
import { benchBook } from './book';
import { benchKnowledge } from './knowledge';
import { benchLongTasks } from './longtasks';
import { benchSync } from './sync';

const ROOT = resolve(import.meta.dirname, '..', '..');

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got '${raw}'`);
  return value;
}

const config = {
  organisations: intFromEnv('BENCH_ORGANISATIONS', 50_000, 1),
  runs: intFromEnv('BENCH_RUNS', 7, 1),
  warmup: intFromEnv('BENCH_WARMUP', 1, 0),
  seed: intFromEnv('BENCH_SEED', DEFAULT_SEED, 0),
  chunk: intFromEnv('BENCH_CHUNK', 5_000, 1),
  /** Another port than the web build's 5180, e.g. while an e2e run holds 5180. */
  port: process.env.BENCH_PORT ? intFromEnv('BENCH_PORT', 5180, 1) : undefined,
  /** Pause between reloads, so one navigation's leftovers do not land in the next one. */
  settleMs: 250,
};

/** WEB_URL, or the same host on BENCH_PORT. */
const APP_URL =
  config.port === undefined ? WEB_URL : `${new URL(WEB_URL).protocol}//${new URL(WEB_URL).hostname}:${config.port}`;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Other work on the machine skews every figure: say how busy it was. */
function loadLine(): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;
}

const profiles: string[] = [];
function removeProfiles(): void {
  for (const dir of profiles.splice(0)) rmSync(dir, { recursive: true, force: true });
}
process.on('exit', removeProfiles);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // exit() runs the exit handlers: the preview server's process group is killed there too.
  process.on(signal, () => process.exit(130));
}

interface App {
  readonly label: string;
  readonly context: BrowserContext;
  readonly page: Page;
}

/**
 * A fresh browser with a fresh on-disk profile (an off-the-record context would keep IndexedDB
 * in memory, unlike the installed app), the app loaded once so the database exists.
 */
async function openApp(label: string): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), `mission-dossier-bench-${label}-`));
  profiles.push(dir);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`${label}: page error: ${error.message}`));
  await page.goto(`${APP_URL}/`, { waitUntil: 'load' });
  const first = await waitInteractive(page);
  log(`${label}: first load interactive after ${first.interactiveMs.toFixed(1)} ms`);
  return { label, context, page };
}

function describeCounts(counts: RowCounts): string {
  return `v${counts.version}: ${counts.organisations} organisations (${counts.liveOrganisations} live by [deleted+sortKey]), ${counts.changes} changes, ${counts.missions} missions`;
}

async function seed(app: App): Promise<{ seedMs: number; generateMs: number }> {
  log(`generating ${config.organisations} organisations with seed ${config.seed} …`);
  const generateStart = performance.now();
  const data = generateOrganisations(config.organisations, config.seed);
  const generateMs = performance.now() - generateStart;
  log(`generated and validated in ${generateMs.toFixed(0)} ms`);

  const seedStart = performance.now();
  for (let start = 0; start < data.records.length; start += config.chunk) {
    const end = Math.min(start + config.chunk, data.records.length);
    const chunkStart = performance.now();
    const inPageMs = await putChunk(app.page, {
      records: data.records.slice(start, end),
      changes: data.changes.slice(start, end),
      clock: end === data.records.length ? data.clock : null,
    });
    const chunkMs = performance.now() - chunkStart;
    log(
      `${app.label}: seeded ${end}/${data.records.length} (${chunkMs.toFixed(0)} ms, of which ${inPageMs.toFixed(0)} ms in IndexedDB)`,
    );
  }
  const seedMs = performance.now() - seedStart;

  const counts = await countRows(app.page);
  log(`${app.label}: ${describeCounts(counts)}`);
  const expected = config.organisations;
  if (
    counts.organisations !== expected ||
    counts.liveOrganisations !== expected ||
    counts.changes !== expected ||
    counts.missions !== 0
  ) {
    throw new Error(
      `seeding failed: expected ${expected} organisations and change rows and no missions, found ${describeCounts(counts)}`,
    );
  }
  return { seedMs, generateMs };
}

function summary(label: string, samples: readonly StartupSample[]): string {
  const interactive = samples.map((s) => s.interactiveMs);
  return (
    `${label}: interactive median ${median(interactive).toFixed(1)} ms ` +
    `(min ${Math.min(...interactive).toFixed(1)}, max ${Math.max(...interactive).toFixed(1)}; ` +
    `DOMContentLoaded median ${median(samples.map((s) => s.domContentLoadedMs)).toFixed(1)} ms)`
  );
}

async function startupGroup(): Promise<Record<string, number>> {
  log(
    `runs ${config.runs} (+${config.warmup} warm-up) per database, ${config.organisations} organisations, seed ${config.seed}`,
  );
  const apps: App[] = [];
  try {
    const empty = await openApp('empty');
    apps.push(empty);
    const seeded = await openApp('50k');
    apps.push(seeded);

    const emptyCounts = await countRows(empty.page);
    if (emptyCounts.organisations !== 0 || emptyCounts.missions !== 0) {
      throw new Error(`the fresh profile is not empty: ${describeCounts(emptyCounts)}`);
    }
    const { seedMs, generateMs } = await seed(seeded);
    log(`seeded in ${seedMs.toFixed(0)} ms`);

    // Both browsers stay open and are measured in turn (alternating who goes first), so drift in
    // the machine's load (other processes, IndexedDB compaction after seeding) hits both alike.
    const samples = new Map<App, StartupSample[]>([
      [empty, []],
      [seeded, []],
    ]);
    for (let pass = 0; pass < config.warmup + config.runs; pass++) {
      const warm = pass < config.warmup;
      const order = pass % 2 === 0 ? [empty, seeded] : [seeded, empty];
      for (const app of order) {
        await new Promise((done) => setTimeout(done, config.settleMs));
        const sample = await measureReload(app.page);
        const which = warm ? `warm-up ${pass + 1}/${config.warmup}` : `run ${pass - config.warmup + 1}/${config.runs}`;
        log(
          `${app.label} ${which}: interactive ${sample.interactiveMs.toFixed(1)} ms (DOMContentLoaded ${sample.domContentLoadedMs.toFixed(1)}, load ${sample.loadMs.toFixed(1)})`,
        );
        if (!warm) samples.get(app)?.push(sample);
      }
    }

    const emptySamples = samples.get(empty) ?? [];
    const seededSamples = samples.get(seeded) ?? [];
    log(summary('empty', emptySamples));
    log(summary('50k', seededSamples));
    const startupEmpty = median(emptySamples.map((s) => s.interactiveMs));
    const startup50k = median(seededSamples.map((s) => s.interactiveMs));
    const ratio = round(startup50k / startupEmpty, 3);
    log(loadLine());
    log(`ratio 50k/empty ${ratio} (goal ≤ 1.2${ratio <= 1.2 ? ', met' : ', NOT met'}; informative only)`);

    const figures = {
      startup_empty_ms: round(startupEmpty, 1),
      startup_50k_ms: round(startup50k, 1),
      startup_ratio_50k: ratio,
      organisations: config.organisations,
      runs: config.runs,
      warmup: config.warmup,
      seed: config.seed,
      seed_ms: round(seedMs, 0),
      generate_ms: round(generateMs, 0),
    };
    return figures;
  } finally {
    for (const app of apps) {
      await app.context
        .close()
        .catch((error: unknown) => log(`could not close the ${app.label} browser: ${String(error)}`));
    }
    removeProfiles();
  }
}

const GROUPS = {
  startup: () => startupGroup(),
  agenda: () => benchAgenda({ appUrl: APP_URL, log }),
  book: () => benchBook({ appUrl: APP_URL }),
  knowledge: async () => {
    const { csv_preview_counts: counts, ...figures } = await benchKnowledge(log);
    return {
      ...figures,
      csv_preview_new: counts.new,
      csv_preview_duplicate: counts.duplicate,
      csv_preview_rejected: counts.rejected,
      ...(await benchLongTasks({ appUrl: APP_URL, log })),
    };
  },
  sync: async () => ({ ...(await benchSync()) }),
} satisfies Record<string, () => Promise<Record<string, number | string>>>;
type Group = keyof typeof GROUPS;

function chosenGroups(args: readonly string[]): Group[] {
  const unknown = args.filter((arg) => !Object.hasOwn(GROUPS, arg));
  if (unknown.length > 0) {
    throw new Error(`unknown group(s) ${unknown.join(', ')}: choose from ${Object.keys(GROUPS).join(', ')}`);
  }
  return args.length > 0 ? (args as Group[]) : (Object.keys(GROUPS) as Group[]);
}

async function main(): Promise<Record<string, number | string>> {
  const groups = chosenGroups(process.argv.slice(2));
  assertChromium();
  log(`groups: ${groups.join(', ')}`);
  log(loadLine());
  log('starting vite preview …');
  const server = await startPreviewServer(ROOT, APP_URL, config.port);
  const figures: Record<string, number | string> = {};
  try {
    log(`preview server up at ${server.url}`);
    for (const group of groups) {
      const started = performance.now();
      log(`== ${group}`);
      Object.assign(figures, await GROUPS[group]());
      log(`== ${group} done in ${((performance.now() - started) / 1000).toFixed(0)} s; ${loadLine()}`);
    }
    return figures;
  } finally {
    await server.stop();
    log('preview server stopped');
  }
}

main().then(
  (figures) => {
    // Printed after the clean-up's progress lines, so the JSON object is the very last line.
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
