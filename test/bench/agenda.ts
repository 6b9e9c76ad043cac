/**
 * Agenda figures for a generated mission (seed AGENDA_SEED): 40 members and 400 agenda items over
 * five days in Taipei, in the web build (dist-web/, built beforehand) in Debian's Chromium.
 * `benchAgenda()` returns the figures; the lead wires it into run.ts.
 *
 *   npx tsx test/bench/agenda.ts          (prints the figures as JSON; builds nothing)
 *
 * - agenda_open_ms: from the click on the dossier's Agenda tab until all 400 items are on screen
 *   (the frame after they are in the page); the dossier itself is already open. Median of `runs`.
 * - agenda_edit_ms: an item's editor is open with a new title typed; from Enter (save now and
 *   close) until the agenda shows the new title: validation, the write through the db door, and
 *   the re-render with the record as stored (the tab shows its own writes before the mission's
 *   snapshot has been read again). Median of `runs`, a different item each time.
 * - agenda_open_min_ms, agenda_edit_min_ms: the quickest run, since on a busy machine the median
 *   says more about the neighbours (the load average is logged before and after).
 * Goal: each under 100 ms. The figures are reported, never judged.
 *
 * The mission enters the app through the app's own dossier import (validation, stamps, change
 * log, fresh ids), by serving the generated dossier in place of the sample mission's chunk when
 * "Load sample mission" is clicked: no hand-made database rows.
 */
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readDossierFile } from '../../src/domain/dossier-read';
import type { DossierFile } from '../../src/domain/dossier';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { startPreviewServer } from './preview-server';
import { mulberry32, randomBytes, type Prng } from './prng';
import { median, round } from './startup';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const AGENDA_SEED = 20_270_315;
const MEMBERS = 40;
const ITEMS = 400;
const DAYS = 5;
/** Members travel in tracks of five; each track has its own programme. */
const TRACK = 5;

function idFrom(rng: Prng): string {
  const hex = Array.from(randomBytes(rng, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const GIVEN = ['Anouk', 'Joost', 'Sanne', 'Yusuf', 'Lotte', 'Ruben', 'Eva', 'Bram', 'Fleur', 'Daan', 'Noor', 'Sem'];
const FAMILY = ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];
const BRANDS = ['Formosa', 'Jade', 'Hsinchu', 'Taipei', 'Pacific', 'Lotus', 'Dragon', 'Orchid'];
const FIELDS = [
  ['Photonics', '光電'],
  ['BioSensing', '生醫'],
  ['Semiconductor', '半導體'],
  ['Games', '遊戲'],
  ['Energy', '能源'],
] as const;

/** The generated mission as a dossier file (format 2), the same for a given seed. */
export function generateAgendaMission(seed: number = AGENDA_SEED): DossierFile {
  const rng = mulberry32(seed);
  const missionId = idFrom(rng);
  const person = (kind: 'official' | 'partner', organisationId = '') => ({
    id: idFrom(rng),
    givenName: rng.pick(GIVEN),
    familyName: rng.pick(FAMILY),
    kind,
    organisationId,
    jobTitle: kind === 'official' ? 'Adviseur Trade & Invest' : 'General Manager',
  });
  const members = Array.from({ length: MEMBERS }, () => person('official'));
  const organisations = Array.from({ length: 40 }, (_, i) => {
    const [field, local] = rng.pick(FIELDS);
    return {
      id: idFrom(rng),
      name: `${rng.pick(BRANDS)} ${field} ${i + 1}`,
      localName: `${rng.pick(['台灣', '新竹', '玉山'])}${local}股份有限公司`,
      localNameLang: 'zh-Hant',
      kind: 'company' as const,
      countryCode: 'TW',
      city: rng.pick(['Taipei', 'Hsinchu', 'Taichung']),
    };
  });
  const contacts = organisations.map((organisation) => person('partner', organisation.id));
  const delegation = members.map((member, i) => ({
    id: idFrom(rng),
    missionId,
    personId: member.id,
    role: i === 0 ? ('head' as const) : rng.pick(['administrator', 'official', 'company', 'support'] as const),
    hotel: 'Grand Hyatt Taipei',
  }));

  // Per track and day: items of 45 minutes, 30 minutes apart (the travel buffer), from 07:30 local.
  const tracks = MEMBERS / TRACK;
  const perTrackDay = ITEMS / (tracks * DAYS);
  const agenda = Array.from({ length: ITEMS }, (_, i) => {
    const track = i % tracks;
    const slot = Math.floor(i / tracks) % perTrackDay;
    const day = Math.floor(i / (tracks * perTrackDay));
    // 07:30 in Taipei (UTC+8) is 23:30 UTC the day before.
    const start = Date.UTC(2027, 2, 14 + day, 23, 30) + slot * 75 * 60_000;
    const organisation = organisations[(i * 7) % organisations.length];
    const participants = members.slice(track * TRACK, track * TRACK + TRACK).map((member) => member.id);
    // One item in fifty also takes a member of the next track, who is then booked twice.
    if (i % 50 === 7) participants.push(members[((track + 1) % tracks) * TRACK]?.id ?? '');
    return {
      id: idFrom(rng),
      missionId,
      title: `${rng.pick(['Gesprek met', 'Bedrijfsbezoek', 'Lunch met'])} ${organisation?.name ?? ''}`,
      kind: rng.pick(['meeting', 'visit', 'meal'] as const),
      start: new Date(start).toISOString(),
      end: new Date(start + 45 * 60_000).toISOString(),
      timeZone: 'Asia/Taipei',
      location: `${organisation?.name ?? ''} HQ`,
      city: organisation?.city ?? '',
      organisationId: organisation?.id ?? '',
      contactIds: [contacts[(i * 7) % contacts.length]?.id ?? ''],
      participantIds: participants,
      objective: 'Kennismaken en samenwerking verkennen.',
    };
  });
  return readDossierFile({
    format: 'mission-dossier',
    formatVersion: 2,
    exportedAt: '2027-03-01T09:00:00.000Z',
    mission: {
      id: missionId,
      title: 'Handelsmissie Taiwan 2027 (agenda-benchmark)',
      countryCodes: ['TW'],
      cities: ['Taipei', 'Hsinchu'],
      timeZone: 'Asia/Taipei',
      startDate: '2027-03-15',
      endDate: '2027-03-19',
      status: 'in_preparation',
      kind: 'trade_invest',
      sectors: [],
      purpose: 'Benchmark.',
      travelBufferMinutes: 30,
    },
    people: [...members, ...contacts],
    organisations,
    delegation,
    agenda,
    targets: [],
    notes: [],
    tasks: [],
    photos: [],
  });
}

// Run in the page as source text: tsx would wrap named inner functions in a helper the page lacks.
const IN_PAGE_OPEN = `async (count) => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => /^Agenda/.test(t.textContent || ''));
  if (!tab) throw new Error('no Agenda tab');
  const started = performance.now();
  tab.click();
  await new Promise((done) => {
    const check = () => {
      const shown = document.querySelectorAll('[data-testid="agenda"] [data-testid="agenda-item"]').length;
      if (shown >= count) requestAnimationFrame(() => done());
      else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - started;
}`;

const IN_PAGE_SAVE = `async ({ id, title }) => {
  const input = document.querySelector('[role="dialog"] input[name="title"]');
  if (!input || !input.form) throw new Error('no open item editor');
  const started = performance.now();
  input.form.requestSubmit();
  await new Promise((done) => {
    const check = () => {
      const item = document.querySelector('[data-testid="agenda-item"][data-item-id="' + id + '"]');
      if (item && item.textContent.includes(title)) requestAnimationFrame(() => done());
      else requestAnimationFrame(check);
    };
    check();
  });
  return performance.now() - started;
}`;

/** Calls an in-page function given as source (an expression evaluate runs as is, CSP or not). */
async function inPage(page: Page, source: string, argument: unknown): Promise<number> {
  const result: unknown = await page.evaluate(`(${source})(${JSON.stringify(argument)})`);
  if (typeof result !== 'number') throw new Error(`the in-page timer returned ${String(result)}`);
  return result;
}

export interface AgendaBenchOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** A preview of the web build that is already running; otherwise one is started on port 5281. */
  readonly appUrl?: string;
  readonly log?: (message: string) => void;
}

export async function benchAgenda({
  seed = AGENDA_SEED,
  runs = 7,
  appUrl,
  log = () => undefined,
}: AgendaBenchOptions = {}): Promise<Record<string, number>> {
  const dossier = generateAgendaMission(seed);
  const server = appUrl === undefined ? await startPreviewServer(ROOT, 'http://127.0.0.1:5281', 5281) : undefined;
  const base = appUrl ?? server?.url ?? '';
  // On disk, as the installed app keeps its database: an off-the-record profile keeps it in memory.
  const profile = mkdtempSync(join(tmpdir(), 'mission-dossier-bench-agenda-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => log(`agenda: page error: ${error.message}`));
    // The generated dossier instead of the sample mission, through the app's own import.
    await page.route(/\/assets\/sample-mission-[^/]*\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `export default ${JSON.stringify(dossier)};` }),
    );
    await page.goto(`${base}/`, { waitUntil: 'load' });
    await page.getByTestId('load-sample').click();
    const card = page.getByTestId('mission-card').filter({ hasText: 'agenda-benchmark' });
    await card.waitFor({ timeout: 120_000 });
    await card.getByRole('button', { name: /Dossier openen|Open dossier/ }).click();
    await page.getByRole('tab', { name: /^Agenda \(400\)/ }).waitFor({ timeout: 60_000 });
    log(`agenda: mission of ${MEMBERS} members and ${ITEMS} items imported (seed ${seed})`);
    // Other work on the machine skews every figure: say how busy it was.
    const load = () => `load average ${loadavg()[0]?.toFixed(2) ?? '?'} on ${availableParallelism()} cores`;
    log(`agenda: ${load()}`);

    const opens: number[] = [];
    for (let run = 0; run <= runs; run++) {
      await page.getByRole('tab', { name: /^Overzicht/ }).click();
      await page.getByTestId('agenda').waitFor({ state: 'detached' });
      await page.waitForTimeout(250);
      const ms = await inPage(page, IN_PAGE_OPEN, ITEMS);
      // The first opening is a warm-up: it also loads the agenda's code and formatters.
      if (run > 0) opens.push(ms);
      log(`agenda: open ${run === 0 ? 'warm-up' : `run ${run}`}: ${ms.toFixed(1)} ms`);
    }

    const edits: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const item = page.getByTestId('agenda-item').nth(run * 37 + 11);
      const id = (await item.getAttribute('data-item-id')) ?? '';
      await item.getByRole('button').first().click();
      const title = `Bewerkt ${run}: gesprek over de pilot`;
      await page.getByRole('dialog').locator('input[name="title"]').fill(title);
      // Enter straight away, before the autosave's pause: the timed save is this one.
      const ms = await inPage(page, IN_PAGE_SAVE, { id, title });
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      if (run > 0) edits.push(ms);
      log(`agenda: edit ${run === 0 ? 'warm-up' : `run ${run}`}: ${ms.toFixed(1)} ms`);
      await page.waitForTimeout(250);
    }

    log(`agenda: ${load()}`);
    return {
      agenda_open_ms: round(median(opens), 1),
      agenda_edit_ms: round(median(edits), 1),
      // The quickest run: on a busy machine the median says more about the neighbours.
      agenda_open_min_ms: round(Math.min(...opens), 1),
      agenda_edit_min_ms: round(Math.min(...edits), 1),
      agenda_members: MEMBERS,
      agenda_items: ITEMS,
      agenda_runs: runs,
      agenda_seed: seed,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server?.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
  process.stdout.write(`${JSON.stringify(await benchAgenda({ log, appUrl: process.env.AGENDA_APP_URL }))}\n`);
}
