/**
 * Organisations and contacts → CSV bytes that Dutch Excel opens as a table: UTF-8 with BOM, `;`
 * between cells, CRLF between rows, decimal comma, dates as dd-mm-jjjj, and every text cell that
 * could start a formula neutralised. Headers and value labels in the user's language; the import
 * reads both back.
 */
import Papa from 'papaparse';
import type { FieldsOf } from '../entities';
import { isSensitive } from '../sensitive-fields';
import { neutraliseFormula } from './cell-values';
import { CSV_COLUMNS, labelOf, type CsvColumn, type CsvTable } from './columns';
import { countryLabel } from './country-lookup';

export interface CsvExportOptions {
  readonly language: 'nl' | 'en';
  /** Passport, date of birth, diet, medical notes, emergency contact: left out unless the user asks. */
  readonly includeSensitive?: boolean;
  /** Names of registry organisations by id, for a contact linked to one. */
  readonly organisationNames?: ReadonlyMap<string, string>;
}

const HELPER_FIELDS = new Set(['fullName', 'familyNamePrefix']);
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** A number in plain decimal notation: String() writes 5e-7 or 1e+21, which Excel reads as text. */
function plainDecimal(value: number): string {
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (!match) return shortest;
  const [, sign = '', lead = '', rest = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  const digits = lead + rest;
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (exponent >= rest.length) return `${sign}${digits}${'0'.repeat(exponent - rest.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** Dutch Excel reads "1234,5" as a number; no thousands separators, which would round-trip less safely. */
function formatNumber(value: number): string {
  return plainDecimal(value).replace('.', ',');
}

function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

function cellOf(column: CsvColumn, value: unknown, language: 'nl' | 'en'): string {
  if (value === null || value === undefined || value === '') return '';
  const read = column.read;
  switch (read.type) {
    case 'int':
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : '';
    case 'date':
      return formatDate(String(value));
    case 'country':
      return countryLabel(String(value), language);
    case 'enum':
      return labelOf(read.labels, String(value), language);
    case 'enumList':
      return Array.isArray(value) ? value.map((code) => labelOf(read.labels, String(code), language)).join(', ') : '';
    case 'list':
      return neutraliseFormula(Array.isArray(value) ? value.join(', ') : String(value));
    case 'text':
    case 'website':
      return neutraliseFormula(String(value));
  }
}

export function exportCsv<T extends CsvTable>(
  table: T,
  records: Iterable<FieldsOf<T>>,
  options: CsvExportOptions,
): Uint8Array {
  const columns = CSV_COLUMNS[table].filter(
    (column) =>
      !HELPER_FIELDS.has(column.field) && (options.includeSensitive === true || !isSensitive(table, column.field)),
  );
  const data: string[][] = [];
  for (const record of records) {
    const fields = record as Record<string, unknown>;
    data.push(
      columns.map((column) => {
        let value = fields[column.field];
        if (column.field === 'organisationName' && value === '' && typeof fields.organisationId === 'string') {
          value = options.organisationNames?.get(fields.organisationId) ?? '';
        }
        return cellOf(column, value, options.language);
      }),
    );
  }
  const text = Papa.unparse(
    { fields: columns.map((column) => column.header[options.language]), data },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  const body = new TextEncoder().encode(`${text}\r\n`);
  const bytes = new Uint8Array(UTF8_BOM.length + body.length);
  bytes.set(UTF8_BOM);
  bytes.set(body, UTF8_BOM.length);
  return bytes;
}
