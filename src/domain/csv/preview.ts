/**
 * The import preview: what would happen to every row of a CSV file — a new record, a likely
 * duplicate of an existing one with a field-by-field merge proposal, or rejected with its row
 * number and reason. Writes nothing; the caller writes the confirmed preview in one transaction.
 */
import { ENTITIES, type FieldsOf } from '../entities';
import { AppError } from '../errors';
import type { DecimalSeparator } from './cell-values';
import { proposeMapping, type CsvTable } from './columns';
import { decodeCsvBytes, type CsvEncoding } from './decode';
import {
  OrganisationIndex,
  organisationKeys,
  personKeys,
  type OrganisationKeys,
  type OrganisationMatch,
  type PersonIndex,
  type PersonKeys,
  type PersonMatch,
} from './duplicates';
import { detectDelimiter, readCsvRecords, readHeaderRow, type CsvDelimiter } from './read-records';
import { fieldsInFile, isRejection, planColumns, readRow, rejection, type Rejection } from './row-fields';

/** A file read far enough to propose a column mapping. */
export interface CsvInspection {
  readonly text: string;
  readonly encoding: CsvEncoding;
  readonly delimiter: CsvDelimiter;
  /** Dutch Excel writes `;` with a decimal comma; English Excel `,` with a decimal point. */
  readonly decimal: DecimalSeparator;
  readonly headers: readonly string[];
  /** Per column, the field it was recognised as, or null. */
  readonly mapping: readonly (string | null)[];
  /** Columns with a header that was not recognised: the user chooses a field for them (or none). */
  readonly unmapped: readonly number[];
}

export function inspectCsv(bytes: Uint8Array, table: CsvTable): CsvInspection {
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text);
  const headers = readHeaderRow(text, delimiter).map((header) => header.trim());
  if (headers.every((header) => header === '')) throw new AppError('errors.csvEmpty', 'the file has no header row');
  const mapping = proposeMapping(table, headers);
  const unmapped = mapping.flatMap((field, index) => (field === null && headers[index] !== '' ? [index] : []));
  return { text, encoding, delimiter, decimal: delimiter === ';' ? ',' : '.', headers, mapping, unmapped };
}

/** One field where an imported row differs from the existing record. */
export interface FieldDifference {
  readonly field: string;
  readonly current: unknown;
  readonly incoming: unknown;
  /** The proposal: take the incoming value where the existing record has none. The user may flip it. */
  readonly take: boolean;
}

export type PreviewRow<T extends CsvTable> =
  | { readonly fate: 'new'; readonly row: number; readonly fields: FieldsOf<T> }
  | {
      readonly fate: 'duplicate';
      readonly row: number;
      readonly fields: FieldsOf<T>;
      readonly existingId: string;
      readonly matchedBy: T extends 'organisations' ? OrganisationMatch : PersonMatch;
      readonly differences: readonly FieldDifference[];
    }
  | ({ readonly fate: 'rejected'; readonly row: number } & Rejection);

export type DuplicateRow<T extends CsvTable> = Extract<PreviewRow<T>, { fate: 'duplicate' }>;

export interface ImportPreview<T extends CsvTable> {
  readonly table: T;
  /** Every non-empty data row, in file order; `row` is the row number Excel shows (header = 1). */
  readonly rows: readonly PreviewRow<T>[];
  readonly counts: { readonly new: number; readonly duplicate: number; readonly rejected: number };
}

export interface PreviewProgress {
  readonly rows: number;
  /** 0..1, by characters read. */
  readonly fraction: number;
}

interface CommonOptions {
  /** Overrides the proposed mapping: per column, a field or null. */
  readonly mapping?: readonly (string | null)[];
  readonly onProgress?: (progress: PreviewProgress) => void;
  readonly signal?: AbortSignal;
}

export interface OrganisationPreviewOptions extends CommonOptions {
  readonly existing: OrganisationIndex<FieldsOf<'organisations'>>;
  /** Values for cells that are empty or absent: a kind is required, a country the user may fix for the whole file. */
  readonly defaults?: Partial<FieldsOf<'organisations'>>;
}

export interface PersonPreviewOptions extends CommonOptions {
  readonly existing: PersonIndex<FieldsOf<'people'>>;
  /** The registry, so a contact's organisation column links to the organisation when its name is known. */
  readonly organisations?: OrganisationIndex;
  readonly defaults?: Partial<FieldsOf<'people'>>;
}

const DEFAULTS: { readonly [T in CsvTable]: Partial<FieldsOf<T>> } = {
  organisations: { kind: 'company' },
  people: { kind: 'company' },
};

function isEmpty(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

function differences(present: ReadonlySet<string>, incoming: object, current: object): FieldDifference[] {
  const found: FieldDifference[] = [];
  const before = current as Record<string, unknown>;
  for (const [field, value] of Object.entries(incoming)) {
    // Only what the file says: a column it does not have, or a default, never overwrites.
    if (!present.has(field) || isEmpty(value) || sameValue(value, before[field])) continue;
    found.push({ field, current: before[field], incoming: value, take: isEmpty(before[field]) });
  }
  return found;
}

/** The fields to write into the existing record: the differences the user (or the proposal) chose to take. */
export function mergePatch<T extends CsvTable>(
  row: DuplicateRow<T>,
  choices: Readonly<Record<string, boolean>> = {},
): Partial<FieldsOf<T>> {
  const patch: Record<string, unknown> = {};
  for (const difference of row.differences) {
    if (choices[difference.field] ?? difference.take) patch[difference.field] = difference.incoming;
  }
  return patch as Partial<FieldsOf<T>>;
}

function assertNameMapped(table: CsvTable, mapping: readonly (string | null)[]): void {
  const has = (field: string) => mapping.includes(field);
  const ok = table === 'organisations' ? has('name') : has('fullName') || (has('givenName') && has('familyName'));
  if (!ok) throw new AppError('errors.csvNameColumnMissing', `no column is mapped to the name of ${table}`);
}

/** The first zod issue as a rejection naming the column the user sees. */
function validationRejection(
  issues: readonly { path: readonly PropertyKey[] }[],
  fields: Record<string, unknown>,
  headerOf: ReadonlyMap<string, string>,
): Rejection {
  const field = String(issues[0]?.path[0] ?? '');
  const value = fields[field];
  const shown = Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value);
  if (field === 'countryCode' && isEmpty(value)) return rejection('missingCountry', headerOf.get(field) ?? '', '');
  return rejection('invalidField', headerOf.get(field) ?? field, shown);
}

type RowOutcome = Record<string, unknown> | Rejection;

/** Reads, defaults and validates one record; the table-specific part is `adjust`. */
function rowOutcome(
  table: CsvTable,
  plan: ReturnType<typeof planColumns>,
  record: readonly string[],
  decimal: DecimalSeparator,
  defaults: Record<string, unknown>,
  headerOf: ReadonlyMap<string, string>,
  adjust: (fields: Record<string, unknown>) => void,
): RowOutcome {
  const reading = readRow(plan, record, decimal);
  if (isRejection(reading)) return reading;
  const raw: Record<string, unknown> = { ...defaults, ...reading };
  const nameEmpty =
    table === 'organisations' ? isEmpty(reading.name) : isEmpty(raw.givenName) || isEmpty(raw.familyName);
  if (nameEmpty) return rejection('emptyName');
  adjust(raw);
  const parsed = ENTITIES[table].fields.safeParse(raw);
  if (!parsed.success) return validationRejection(parsed.error.issues, raw, headerOf);
  return parsed.data as Record<string, unknown>;
}

/**
 * The preview of an import of organisations or contacts. Reads the file in slices and yields
 * between them; rejects with the signal's reason when cancelled. Rows that repeat an earlier row
 * of the same file are rejected and point at that row.
 */
export async function previewCsvImport(
  inspection: CsvInspection,
  table: 'organisations',
  options: OrganisationPreviewOptions,
): Promise<ImportPreview<'organisations'>>;
export async function previewCsvImport(
  inspection: CsvInspection,
  table: 'people',
  options: PersonPreviewOptions,
): Promise<ImportPreview<'people'>>;
export async function previewCsvImport(
  inspection: CsvInspection,
  table: CsvTable,
  options: OrganisationPreviewOptions | PersonPreviewOptions,
): Promise<ImportPreview<CsvTable>> {
  const mapping = options.mapping ?? inspection.mapping;
  assertNameMapped(table, mapping);
  const plan = planColumns(table, inspection.headers, mapping);
  const present = fieldsInFile(plan);
  const headerOf = new Map(plan.map(({ column, header }) => [column.field, header]));
  const defaults: Record<string, unknown> = { ...DEFAULTS[table], ...options.defaults };

  // Earlier rows of this file by their duplicate keys, so a repeated row points at its first occurrence.
  const seenKeys = new Map<string, number>();
  const registry = 'organisations' in options ? options.organisations : undefined;
  const linkOrganisation = (fields: Record<string, unknown>): void => {
    if (table !== 'people' || !registry || isEmpty(fields.organisationName) || !isEmpty(fields.organisationId)) return;
    const ids = registry.idsNamed(String(fields.organisationName));
    // Only an unambiguous name links; two "Acme" organisations leave the free text for the user.
    if (ids.length === 1 && ids[0]) {
      fields.organisationId = ids[0];
      fields.organisationName = '';
    }
  };

  const rows: PreviewRow<CsvTable>[] = [];
  const counts = { new: 0, duplicate: 0, rejected: 0 };
  let recordIndex = 0;
  const total = Math.max(1, inspection.text.length);

  const onRecords = (records: string[][], charsRead: number): void => {
    for (const record of records) {
      recordIndex++;
      // Record 1 is the header; Excel shows record n as row n, however many lines a quoted cell spans.
      if (recordIndex === 1 || record.every((cell) => cell.trim() === '')) continue;
      const row = recordIndex;
      const fields = rowOutcome(table, plan, record, inspection.decimal, defaults, headerOf, linkOrganisation);
      if (isRejection(fields)) {
        rows.push({ fate: 'rejected', row, ...fields });
        counts.rejected++;
        continue;
      }
      const keys =
        table === 'organisations'
          ? organisationKeys(fields as unknown as FieldsOf<'organisations'>)
          : personKeys(fields as unknown as FieldsOf<'people'>);
      const keyList =
        'domain' in keys
          ? [`n:${keys.nameCountry}`, `w:${keys.domain}`]
          : [`e:${keys.email}`, `n:${keys.nameOrganisation}`];
      const earlier = keyList.map((key) => seenKeys.get(key)).find((seen) => seen !== undefined);
      if (earlier !== undefined) {
        rows.push({ fate: 'rejected', row, ...rejection('duplicateInFile', '', String(earlier)) });
        counts.rejected++;
        continue;
      }
      for (const key of keyList) if (key.length > 2) seenKeys.set(key, row);
      const existing = options.existing;
      const match =
        existing instanceof OrganisationIndex
          ? existing.lookUp(keys as OrganisationKeys)[0]
          : existing.lookUp(keys as PersonKeys)[0];
      const current = match ? existing.records.get(match.id) : undefined;
      if (match && current) {
        rows.push({
          fate: 'duplicate',
          row,
          fields: fields as FieldsOf<CsvTable>,
          existingId: match.id,
          matchedBy: match.matchedBy,
          differences: differences(present, fields, current),
        } as PreviewRow<CsvTable>);
        counts.duplicate++;
      } else {
        rows.push({ fate: 'new', row, fields: fields as FieldsOf<CsvTable> });
        counts.new++;
      }
    }
    options.onProgress?.({ rows: rows.length, fraction: Math.min(1, charsRead / total) });
  };

  await readCsvRecords(inspection.text, inspection.delimiter, onRecords, options.signal);
  options.onProgress?.({ rows: rows.length, fraction: 1 });
  return { table, rows, counts };
}
