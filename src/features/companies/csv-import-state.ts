/** The steps of the CSV import dialog and the reads it needs, apart from the rendering. */
import { db, queries } from '../../db';
import type { DuplicateDecision } from '../../db/knowledge-writes';
import { CSV_COLUMNS, type CsvTable } from '../../domain/csv/columns';
import { OrganisationIndex, PersonIndex } from '../../domain/csv/duplicates';
import {
  previewCsvImport,
  type CsvInspection,
  type ImportPreview,
  type PreviewProgress,
} from '../../domain/csv/preview';

export type ImportStep =
  | { readonly step: 'pick' }
  | { readonly step: 'mapping'; readonly fileName: string; readonly inspection: CsvInspection }
  | { readonly step: 'previewing'; readonly fileName: string; readonly progress: PreviewProgress }
  | {
      readonly step: 'preview';
      readonly fileName: string;
      readonly preview: ImportPreview<CsvTable>;
    };

export type Decisions = ReadonlyMap<number, DuplicateDecision>;

/** The header a field has in the user's language ("Website", "Land"), for the mapping and the differences. */
export function fieldLabel(table: CsvTable, field: string, language: 'nl' | 'en'): string {
  return CSV_COLUMNS[table].find((column) => column.field === field)?.header[language] ?? field;
}

/** A stored value as the preview shows it: lists joined, nothing as a dash. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** The preview against the registry as it is now (read once, so the file's rows are compared in memory). */
export async function runPreview(
  inspection: CsvInspection,
  table: CsvTable,
  mapping: readonly (string | null)[],
  onProgress: (progress: PreviewProgress) => void,
  signal: AbortSignal,
): Promise<ImportPreview<CsvTable>> {
  const organisations = new OrganisationIndex(await queries.liveOrganisations(db));
  if (table === 'organisations') {
    return previewCsvImport(inspection, 'organisations', { existing: organisations, mapping, onProgress, signal });
  }
  const people = new PersonIndex(await queries.livePeople(db));
  return previewCsvImport(inspection, 'people', { existing: people, organisations, mapping, onProgress, signal });
}
