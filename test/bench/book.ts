/**
 * Briefing-book figures for a generated mission of about 150 pages (seed BOOK_SEED): 8 members,
 * 5 days, 40 meetings with a page of briefing each, 40 organisation profiles, a 20-page country
 * briefing, CJK names throughout (141 pages at seed BOOK_SEED). `benchBook()` returns the figures; the lead wires it into run.ts.
 *
 *   npx tsx test/bench/book.ts            (prints the figures as JSON)
 *
 * Not measured here yet: book_chromium_ms and its ratios, book_worker_max_main_gap_ms (the app's
 * worker does not exist yet).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BookOptions, type BookInput } from '../../src/book/book-input';
import { buildBriefingBook } from '../../src/book/build-book';
import { nodeBookRenderer } from '../../scripts/book';
import { mulberry32, randomBytes, type Prng } from './prng';

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
  const notes = Array.from({ length: 22 }, (_, i) => ({
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

async function timeOneBook(input: BookInput): Promise<{ ms: number; bytes: Uint8Array }> {
  const started = performance.now();
  const bytes = await nodeBookRenderer()(buildBriefingBook(input, OPTIONS, CONTEXT));
  return { ms: performance.now() - started, bytes };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

export async function benchBook(seed: number = BOOK_SEED): Promise<Record<string, number>> {
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
  const dir = mkdtempSync(join(tmpdir(), 'bench-book-'));
  const file = join(dir, 'book.pdf');
  writeFileSync(file, last);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? NaN);
  rmSync(dir, { recursive: true, force: true });
  return {
    book_pages: pages,
    book_ms: Math.round(median(times)),
    book_cold_ms: Math.round(cold),
    book_bytes: last.byteLength,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (process.argv[2] === '--cold') {
    const { ms } = await timeOneBook(generateBookMission(Number(process.argv[3])));
    process.stdout.write(`${ms}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(await benchBook())}\n`);
  }
}
