/**
 * Briefing-book figures for a generated mission of about 150 pages (149 at seed BOOK_SEED): 8
 * members, 5 days, 40 meetings (two pages of briefing each, as generated), 40 organisation
 * profiles (13 pages), 27 intelligence notes (a 43-page country briefing), CJK names throughout.
 * `benchBook()` returns the figures; the lead wires it into run.ts.
 *
 *   npx tsx test/bench/book.ts            (prints the figures as JSON; builds nothing)
 *
 * - book_ms: median of books 3–6 in this long-lived process, made as the CLI and the app make
 *   them (nodeBookJob: build, render, contents and summary); book_cold_ms: the first book of a
 *   fresh Node process; book_pages, book_bytes.
 * - book_chromium_ms: the same content as HTML in the same fonts, printed by headless Chromium's
 *   page.pdf() on a loaded page (median of 5 after one warm-up); the two ratios divide by it.
 * - book_worker_max_main_gap_ms: the web build (dist-web/, built beforehand) in Chromium: the
 *   longest main-thread task ('longtask' entries, so 0 means none reached 50 ms) while the app's
 *   book worker makes two books of this mission; book_worker_heartbeat_late_ms: how late a 10 ms
 *   timer ran at worst meanwhile (includes the OS not scheduling the page on a busy machine).
 *   Both NaN when dist-web has no book worker (the panel not yet wired into the app).
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BookOptions, type BookInput } from '../../src/book/book-input';
import type { BookJob } from '../../src/book/book-job';
import { nodeBookJob } from '../../scripts/book';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { bookHtml } from './book-html';
import { startPreviewServer } from './preview-server';
import { mulberry32, randomBytes, type Prng } from './prng';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const BOOK_SEED = 20_270_316;

function idFrom(rng: Prng): string {
  const hex = Array.from(randomBytes(rng, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const FAMILY = ['陳', '林', '黃', '山田', '佐藤', '김', '이', 'de Vries', 'Nguyễn', 'Kowalski'];
const GIVEN = ['志明', '淑芬', '太郎', 'さくら', '민준', '서연', 'Anouk', 'Thị Lan', 'Łukasz', 'Ayşe'];
const WORDS =
  'regio Utrecht samenwerking innovatie halfgeleiders life sciences vestiging export onderzoek talent investering netwerk duurzaam mobiliteit gezondheid'.split(
    ' ',
  );

function sentence(rng: Prng, words: number): string {
  const list = Array.from({ length: words }, () => rng.pick(WORDS));
  return `${list.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function paragraph(rng: Prng, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rng, rng.int(8, 16))).join(' ');
}

/** The generated mission, the same for a given seed. */
export function generateBookMission(seed: number = BOOK_SEED): BookInput {
  const rng = mulberry32(seed);
  const missionId = idFrom(rng);
  const people = Array.from({ length: 8 + 40 }, (_, i) => ({
    id: idFrom(rng),
    givenName: rng.pick(GIVEN),
    familyName: rng.pick(FAMILY),
    honorific: '',
    kind: i < 8 ? ('official' as const) : ('partner' as const),
    jobTitle: i < 8 ? 'Adviseur Trade & Invest' : '總經理 General Manager',
    organisationId: '',
    organisationName: i < 8 ? 'Provincie Utrecht' : '',
    email: `person${i}@example.org`,
    phone: `+886 2 ${String(2700_0000 + i)}`,
    languages: [],
    bio: paragraph(rng, 3),
    photoId: '',
    passportNumber: '',
    passportExpiry: '',
    dateOfBirth: '',
    dietaryNeeds: '',
    medicalNotes: '',
    emergencyContact: '',
  }));
  const organisations = Array.from({ length: 40 }, (_, i) => ({
    id: idFrom(rng),
    name: `Formosa ${rng.pick(['Photonics', 'BioSensing', 'Semiconductor', 'Games', 'Energy'])} ${i + 1}`,
    localName: `${rng.pick(['台灣', '新竹', '玉山'])}${rng.pick(['光電', '生醫', '半導體'])}股份有限公司`,
    localNameLang: 'zh-Hant',
    kind: 'company' as const,
    countryCode: 'TW',
    city: rng.pick(['Taipei', 'Hsinchu', 'Taichung']),
    sectors: [],
    industry: 'semiconductors',
    website: '',
    employees: rng.int(20, 20_000),
    revenueEur: null,
    description: paragraph(rng, 6),
    relationship: '' as const,
  }));
  const delegation = people.slice(0, 8).map((p, i) => ({
    id: idFrom(rng),
    missionId,
    personId: p.id,
    role: i === 0 ? ('head' as const) : rng.pick(['administrator', 'official', 'company', 'support'] as const),
    arrivalMode: '' as const,
    arrivalNumber: '',
    arrivalAt: '',
    arrivalTimeZone: '',
    departureMode: '' as const,
    departureNumber: '',
    departureAt: '',
    departureTimeZone: '',
    hotel: 'Grand Hyatt Taipei',
    travelNotes: '',
  }));
  const agenda = Array.from({ length: 40 }, (_, i) => {
    const day = Math.floor(i / 8);
    const start = Date.UTC(2027, 2, 15 + day, 0, 30) + (i % 8) * 75 * 60_000;
    const org = organisations[i % organisations.length];
    return {
      id: idFrom(rng),
      missionId,
      title: `Gesprek met ${org?.name ?? ''}`,
      kind: 'meeting' as const,
      start: new Date(start).toISOString(),
      end: new Date(start + 60 * 60_000).toISOString(),
      timeZone: 'Asia/Taipei',
      location: `${org?.localName ?? ''} HQ`,
      address: 'No. 1, Section 5, Xinyi Road',
      city: org?.city ?? '',
      mapsUrl: '',
      organisationId: org?.id ?? '',
      contactIds: [people[8 + i]?.id ?? ''],
      participantIds: [],
      objective: paragraph(rng, 3),
      talkingPoints: Array.from({ length: 5 }, () => `- ${sentence(rng, 10)}`).join('\n'),
      background: `${paragraph(rng, 10)}\n\n${paragraph(rng, 10)}`,
      transport: 'Taxi vanaf het hotel',
      dressCode: 'Zakelijk',
      notes: '',
      outcome: '',
    };
  });
  const targets = organisations.map((o, i) => ({
    id: idFrom(rng),
    missionId,
    organisationId: o.id,
    priority: ((i % 3) + 1) as 1 | 2 | 3,
    objective: paragraph(rng, 2),
  }));
  const notes = Array.from({ length: 27 }, (_, i) => ({
    id: idFrom(rng),
    title: `Economie en markt ${i + 1}`,
    body: Array.from(
      { length: 6 },
      (_, s) => `## Deel ${s + 1}\n\n${paragraph(rng, 5)}\n\n- ${sentence(rng, 8)}\n- ${sentence(rng, 8)}`,
    ).join('\n\n'),
    source: 'Netherlands Office Taipei',
    sourceUrl: '',
    sourceDate: '2026-10-01',
    reliability: '' as const,
    reviewBy: '',
    countryCodes: ['TW'],
    sectors: [],
    organisationIds: [],
  }));
  return {
    mission: {
      id: missionId,
      title: 'Handelsmissie Taiwan 2027 (benchmark)',
      briefingSelection: null,
      countryCodes: ['TW'],
      cities: ['Taipei', 'Hsinchu'],
      timeZone: 'Asia/Taipei',
      startDate: '2027-03-15',
      endDate: '2027-03-19',
      status: 'in_preparation',
      statusReason: '',
      kind: 'trade_invest',
      sectors: [],
      purpose: paragraph(rng, 2),
      leadPersonId: '',
      coordinatorPersonId: '',
      partners: [],
      plannedBudgetCents: null,
      actualBudgetCents: null,
      assessment: {
        answers: {
          A: { answer: '', rationale: '' },
          B: { answer: '', rationale: '' },
          C: { answer: '', rationale: '' },
          D: { answer: '', rationale: '' },
        },
        advice: '',
      },
      approvalOverrideReason: '',
      travelBufferMinutes: 30,
      archived: false,
      outcome: '',
      classification: 'confidential',
    },
    people,
    organisations,
    delegation,
    agenda,
    targets,
    notes,
    photos: [],
  };
}

const OPTIONS = BookOptions.parse({ language: 'nl', audience: 'team', paper: 'A4' });
const CONTEXT = { issue: { version: 1, issuedAt: '2027-03-01T09:00:00.000Z' } };

/** One book as the CLI and the app make it. */
async function timeOneBook(input: BookInput): Promise<{ ms: number; bytes: Uint8Array }> {
  const started = performance.now();
  const { bytes } = await nodeBookJob({ input, options: OPTIONS, context: CONTEXT });
  return { ms: performance.now() - started, bytes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

const pagesOf = (bytes: Uint8Array): number => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-book-'));
  const file = join(dir, 'book.pdf');
  writeFileSync(file, bytes);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
  rmSync(dir, { recursive: true, force: true });
  return pages;
};

/** The peer: the same content as HTML, printed by headless Chromium on an already loaded page. */
async function chromiumBook(input: BookInput, runs = 5): Promise<{ ms: number; pages: number; bytes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-book-html-'));
  const file = join(dir, 'book.html');
  writeFileSync(file, bookHtml(input, OPTIONS.language));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    // Every face loaded (the CJK ones too) before the clock starts: page load is not the peer's cost.
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family);
    });
    if (!loaded.some((family) => family.includes('CJK'))) throw new Error(`no CJK font loaded: ${loaded.join(', ')}`);
    const print = () =>
      page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:7.5pt;width:100%;padding:0 20mm;color:#5a6675">${input.mission.title}</div>`,
        footerTemplate:
          '<div style="font-size:7.5pt;width:100%;padding:0 20mm"><b style="color:#a3122a">VERTROUWELIJK</b> <span style="float:right">pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>',
        margin: { top: '22mm', bottom: '20mm', left: '20mm', right: '20mm' },
      });
    let last = await print();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      last = await print();
      times.push(performance.now() - started);
    }
    return { ms: median(times), pages: pagesOf(last), bytes: last.byteLength };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The built book worker of a web build, as the app loads it; undefined when the build has none. */
function builtWorker(webDir: string): string | undefined {
  const assets = join(webDir, 'assets');
  if (!existsSync(assets)) return undefined;
  const file = readdirSync(assets).find((name) => /^worker-.*\.js$/.test(name));
  return file === undefined ? undefined : `assets/${file}`;
}

/**
 * Runs in the page, as source text: tsx would wrap named inner functions in a helper the page
 * does not have. Makes four books in the built worker, one after the other: the longest
 * main-thread stall over all of them, and the time (post to bytes back) and size of books 3 and 4.
 */
const IN_PAGE_STALL = `async ({ workerUrl, job }) => {
  const longtasks = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longtasks.push(entry.duration); });
  observer.observe({ type: 'longtask' });
  const heart = { late: 0, last: performance.now(), beating: true };
  const beat = () => {
    const now = performance.now();
    heart.late = Math.max(heart.late, now - heart.last - 10);
    heart.last = now;
    if (heart.beating) setTimeout(beat, 10);
  };
  setTimeout(beat, 10);
  const bookWorker = new Worker(workerUrl, { type: 'module' });
  const times = [];
  let size = 0;
  for (const jobId of [1, 2, 3, 4]) {
    const started = performance.now();
    const bytes = await new Promise((resolve, reject) => {
      bookWorker.onmessage = (event) => {
        if (event.data.type === 'done') resolve(event.data.result.bytes);
        else if (event.data.type === 'failed') reject(new Error(event.data.message));
      };
      bookWorker.onerror = (event) => reject(new Error(event.message));
      bookWorker.postMessage({ type: 'build', jobId, job });
    });
    if (jobId >= 3) times.push(performance.now() - started);
    size = bytes.byteLength;
    // What the panel does with the result: a blob for the preview.
    URL.revokeObjectURL(URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  heart.beating = false;
  observer.disconnect();
  bookWorker.terminate();
  return { longest: Math.max(0, ...longtasks), late: heart.late, ms: (times[0] + times[1]) / 2, bytes: size };
}`;

/** What the app's book worker in Chromium gave: main-thread stalls, and books 3–4's time and size. */
interface WorkerFigures {
  readonly longest: number;
  readonly late: number;
  readonly ms: number;
  readonly bytes: number;
}

/**
 * The app's book worker in the web build, made four books one after the other (fonts fetched by
 * the first): the longest the window's main thread is stalled, and the worker's steady state.
 */
async function workerMainGap(input: BookInput, appUrl: string | undefined, webDir: string): Promise<WorkerFigures> {
  const worker = builtWorker(webDir);
  if (worker === undefined) {
    process.stderr.write('[bench] dist-web has no book worker: book_worker_max_main_gap_ms not measured\n');
    return { longest: NaN, late: NaN, ms: NaN, bytes: NaN };
  }
  const server = appUrl === undefined ? await startPreviewServer(ROOT, 'http://127.0.0.1:5278', 5278) : undefined;
  const base = appUrl ?? server?.url ?? '';
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The app's own page, so the worker runs under the app's origin and CSP.
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const job: BookJob = { input, options: OPTIONS, context: CONTEXT };
    const stall = await page.evaluate(`(${IN_PAGE_STALL})(${JSON.stringify({ workerUrl: `${base}/${worker}`, job })})`);
    const answer = stall as Partial<Record<keyof WorkerFigures, unknown>>;
    const { longest, late, ms, bytes } = answer;
    if (
      typeof longest !== 'number' ||
      typeof late !== 'number' ||
      typeof ms !== 'number' ||
      typeof bytes !== 'number'
    ) {
      throw new Error(`the page answered ${JSON.stringify(stall)}`);
    }
    return { longest, late, ms, bytes };
  } finally {
    await browser.close();
    await server?.stop();
  }
}

export interface BenchBookOptions {
  readonly seed?: number;
  /** A web build already being served (run.ts's preview server); else one is started on 5278. */
  readonly appUrl?: string;
  /** The folder of the web build served at `appUrl` (default dist-web/). */
  readonly webDir?: string;
}

export async function benchBook({
  seed = BOOK_SEED,
  appUrl,
  webDir = join(ROOT, 'dist-web'),
}: BenchBookOptions = {}): Promise<Record<string, number>> {
  const input = generateBookMission(seed);
  // Cold: the first book in a fresh Node process, what one CLI call costs.
  const cold = Number(
    execFileSync('npx', ['tsx', resolve(import.meta.filename), '--cold', String(seed)], { encoding: 'utf8' }).trim(),
  );
  // Steady state: books 3 to 6 in this long-lived process, as the app's worker after its first book.
  const times: number[] = [];
  let last: Uint8Array = new Uint8Array();
  for (let i = 1; i <= 6; i++) {
    const { ms, bytes } = await timeOneBook(input);
    if (i >= 3) times.push(ms);
    last = bytes;
  }
  const bookMs = median(times);
  const peer = await chromiumBook(input);
  const gap = await workerMainGap(input, appUrl, webDir);
  const ratio = (value: number) => Math.round((value / peer.ms) * 100) / 100;
  return {
    book_pages: pagesOf(last),
    book_ms: Math.round(bookMs),
    book_cold_ms: Math.round(cold),
    book_bytes: last.byteLength,
    book_chromium_ms: Math.round(peer.ms),
    book_chromium_pages: peer.pages,
    book_vs_chromium_ratio: ratio(bookMs),
    book_cold_ratio: ratio(cold),
    book_worker_ms: Math.round(gap.ms),
    book_worker_bytes: gap.bytes,
    book_worker_vs_chromium_ratio: ratio(gap.ms),
    book_worker_max_main_gap_ms: Math.round(gap.longest),
    book_worker_heartbeat_late_ms: Math.round(gap.late),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (process.argv[2] === '--cold') {
    const { ms } = await timeOneBook(generateBookMission(Number(process.argv[3])));
    process.stdout.write(`${ms}\n`);
  } else {
    // A build of one's own, served by oneself: BOOK_BENCH_APP_URL and BOOK_BENCH_WEB_DIR.
    const appUrl = process.env.BOOK_BENCH_APP_URL;
    const webDir = process.env.BOOK_BENCH_WEB_DIR;
    process.stdout.write(`${JSON.stringify(await benchBook({ appUrl, ...(webDir ? { webDir } : {}) }))}\n`);
  }
}
