/**
 * Knowledge benchmark, in Node: instant search over 50,000 organisations and 20,000 intelligence
 * notes (per keystroke, over a fixed list of realistic queries typed letter by letter), reopening
 * the saved index, and the preview of a 10,000-row CSV import against the 50,000 organisations.
 * Organisations come from seed-organisations.ts (seed DEFAULT_SEED = 20261128); notes from the
 * generator below (seed NOTES_SEED). Reports; never fails on a timing.
 *
 *   npx tsx test/bench/knowledge.ts      (prints the figures as JSON on the last line)
 */
import { pathToFileURL } from 'node:url';
import { exportCsv } from '../../src/domain/csv/export';
import { OrganisationIndex } from '../../src/domain/csv/duplicates';
import { inspectCsv, previewCsvImport } from '../../src/domain/csv/preview';
import { FOCUS_COUNTRIES } from '../../src/domain/countries';
import type { FieldsOf } from '../../src/domain/entities';
import { noteDoc, organisationDoc } from '../../src/search/documents';
import { SearchIndex } from '../../src/search/search-index';
import { mulberry32, type Prng } from './prng';
import { DEFAULT_SEED, generateOrganisations } from './seed-organisations';
import { median, round } from './startup';

export const NOTES_SEED = 20261129;
const ORGANISATIONS = 50_000;
const NOTES = 20_000;
const CSV_ROWS = 10_000;

/** What people type into the search box, with accents left out and a few typos, as they would. */
export const QUERIES = [
  'munchen',
  'muller',
  'dusseldorf medizintechnik',
  'hsinchu',
  'semiconductor',
  'semicondutcor',
  '光電',
  '株式会社',
  'taipei precision',
  'optoelectornics',
  'bengaluru pharma',
  'tokyo robotics',
  'montreal sante',
  'utrecht science park',
  'hannover messe',
  'arbeidsmarkt',
  'brexit',
  'ema',
  'vanmira',
  'life sciences',
];

const NOTE_TOPICS = [
  'Arbeidsmarkt',
  'Vestigingsklimaat',
  'Exportkansen',
  'Brexit en EMA',
  'Halfgeleiders',
  'Life sciences & health',
  'Gaming-sector',
  'Duurzame energie',
  'Subsidies en regelingen',
  'Zakelijke etiquette',
  'Investeringsklimaat',
  'Handelsbeurzen',
];
const NOTE_SENTENCES = [
  'De vraag naar **ingenieurs** blijft groot, vooral in de regio rond de hoofdstad.',
  'Bedrijven zoeken een Europese vestiging; Utrecht Science Park staat op de shortlist.',
  'Tijdens de Hannover Messe spraken we met vier bedrijven over een pilot.',
  'De overheid trekt extra budget uit voor *smart mobility* en stedelijke planning.',
  'Na de Brexit en de verhuizing van het EMA is de interesse in Nederland gegroeid.',
  'Let op: beslissingen worden genomen na het fiscale jaar, plan de follow-up daarop.',
  'Zie ook het rapport van de Netherlands Business Support Office ter plaatse.',
  'The semiconductor cluster is expanding; several suppliers look for a European hub.',
  'Visumaanvragen duren gemiddeld drie weken; begin op tijd.',
  'Familiebedrijven hechten aan een persoonlijke introductie via de ambassade.',
];

export function generateNotes(count: number, seed: number): Parameters<typeof noteDoc>[0][] {
  const rng: Prng = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const country = rng.pick(FOCUS_COUNTRIES);
    return {
      id: `note-${i}`,
      title: `${rng.pick(NOTE_TOPICS)} ${country.name.nl} ${2020 + rng.int(0, 7)}`,
      body: Array.from({ length: rng.int(2, 8) }, () => rng.pick(NOTE_SENTENCES)).join('\n\n'),
      source: rng.chance(0.5) ? `Rapport ${rng.int(1, 400)}` : '',
      countryCodes: [country.code],
    };
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Every prefix of every query, as keystrokes: "m", "mu", "mun", … */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) =>
    Array.from({ length: [...query].length }, (_, i) => [...query].slice(0, i + 1).join('')),
  );
}

export interface KnowledgeFigures {
  search_p95_ms: number;
  search_p50_ms: number;
  search_max_ms: number;
  search_keystrokes: number;
  search_index_build_ms: number;
  search_index_open_ms: number;
  search_index_bytes: number;
  csv_preview_10k_ms: number;
  csv_existing_index_ms: number;
  csv_preview_counts: { new: number; duplicate: number; rejected: number };
  organisations: number;
  notes: number;
  organisations_seed: number;
  notes_seed: number;
}

export async function benchKnowledge(log: (message: string) => void = () => undefined): Promise<KnowledgeFigures> {
  log(`generating ${ORGANISATIONS} organisations (seed ${DEFAULT_SEED}) and ${NOTES} notes (seed ${NOTES_SEED})`);
  const organisations = generateOrganisations(ORGANISATIONS, DEFAULT_SEED).records;
  const notes = generateNotes(NOTES, NOTES_SEED);

  let started = performance.now();
  const index = new SearchIndex();
  for (const organisation of organisations) index.add(organisationDoc(organisation));
  for (const note of notes) index.add(noteDoc(note));
  const buildMs = performance.now() - started;
  log(`index built in ${round(buildMs, 0)} ms`);

  const typed = keystrokes(QUERIES);
  for (const query of typed) index.search(query); // warm-up: compiled code, not first-call costs
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    for (const query of typed) {
      const start = performance.now();
      index.search(query);
      times.push(performance.now() - start);
    }
  }

  const serialized = index.serialize();
  const openTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    const reopened = SearchIndex.deserialize(serialized);
    reopened?.search('munchen');
    openTimes.push(performance.now() - started);
  }

  // A 10,000-row file as our own export writes it: a tenth are organisations already there.
  const rng = mulberry32(DEFAULT_SEED + 1);
  const fresh = generateOrganisations(CSV_ROWS, DEFAULT_SEED + 2).records;
  const rows = fresh.map((record) => (rng.chance(0.1) ? rng.pick(organisations) : record));
  const bytes = exportCsv('organisations', rows as FieldsOf<'organisations'>[], { language: 'nl' });
  started = performance.now();
  const existing = new OrganisationIndex<FieldsOf<'organisations'>>(organisations);
  const existingMs = performance.now() - started;
  const preview = await previewCsvImport(inspectCsv(bytes, 'organisations'), 'organisations', { existing });
  const previewMs = performance.now() - started;

  return {
    search_p95_ms: round(percentile(times, 95), 2),
    search_p50_ms: round(median(times), 2),
    search_max_ms: round(Math.max(...times), 2),
    search_keystrokes: times.length,
    search_index_build_ms: round(buildMs, 0),
    search_index_open_ms: round(median(openTimes), 0),
    search_index_bytes: serialized.length,
    csv_preview_10k_ms: round(previewMs, 0),
    csv_existing_index_ms: round(existingMs, 0),
    csv_preview_counts: preview.counts,
    organisations: ORGANISATIONS,
    notes: NOTES,
    organisations_seed: DEFAULT_SEED,
    notes_seed: NOTES_SEED,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchKnowledge((message) => process.stderr.write(`[bench] ${message}\n`));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
