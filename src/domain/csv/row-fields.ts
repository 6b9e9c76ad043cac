/**
 * One CSV record → the user fields of an organisation or contact, before validation: cells read
 * by their column's reader (numbers, dates, countries, labels), or the reason the row is rejected.
 */
import { CSV_COLUMNS, codeFromLabel, type CsvColumn, type CsvTable } from './columns';
import { countryCodeFromText } from './country-lookup';
import { parseCsvDate, parseCsvNumber, restoreNeutralised, type DecimalSeparator } from './cell-values';

export type RejectReason =
  | 'emptyName'
  | 'badNumber'
  | 'badDate'
  | 'unknownCountry'
  | 'missingCountry'
  | 'unknownValue'
  | 'invalidField'
  | 'duplicateInFile';

/** Why a row is rejected: a catalog key (`csvImport.reason.*`), the column as headed in the file, the cell. */
export interface Rejection {
  readonly reason: `csvImport.reason.${RejectReason}`;
  readonly column: string;
  readonly value: string;
}

export function rejection(reason: RejectReason, column = '', value = ''): Rejection {
  return { reason: `csvImport.reason.${reason}`, column, value };
}

const LIST_SEPARATOR = /\s*[,;|/]\s*/;

/** The value of one non-empty cell, or a rejection. */
function readCell(column: CsvColumn, cell: string, decimal: DecimalSeparator, header: string): unknown {
  const read = column.read;
  switch (read.type) {
    case 'text':
      return cell;
    case 'int':
    case 'number': {
      const number = parseCsvNumber(cell, decimal);
      if (number === undefined || (read.type === 'int' && number !== null && !Number.isInteger(number))) {
        return rejection('badNumber', header, cell);
      }
      return number;
    }
    case 'date': {
      const date = parseCsvDate(cell);
      return date === undefined ? rejection('badDate', header, cell) : (date ?? '');
    }
    case 'country':
      return countryCodeFromText(cell) ?? rejection('unknownCountry', header, cell);
    case 'website':
      // Excel lists often say "www.acme.nl"; the registry keeps full web addresses.
      return /^[a-z][a-z0-9+.-]*:/i.test(cell) ? cell : `https://${cell}`;
    case 'list':
      return cell.split(LIST_SEPARATOR).filter((item) => item !== '');
    case 'enum':
      return codeFromLabel(read.labels, cell) ?? rejection('unknownValue', header, cell);
    case 'enumList': {
      const codes: string[] = [];
      for (const item of cell.split(LIST_SEPARATOR)) {
        if (item === '') continue;
        const code = codeFromLabel(read.labels, item);
        if (code === undefined) return rejection('unknownValue', header, item);
        if (!codes.includes(code)) codes.push(code);
      }
      return codes;
    }
  }
}

export function isRejection(value: unknown): value is Rejection {
  return typeof value === 'object' && value !== null && 'reason' in value && 'column' in value;
}

export interface ColumnPlan {
  readonly index: number;
  readonly header: string;
  readonly column: CsvColumn;
}

/** The mapped columns of a file, in file order. */
export function planColumns(
  table: CsvTable,
  headers: readonly string[],
  mapping: readonly (string | null)[],
): ColumnPlan[] {
  const byField = new Map(CSV_COLUMNS[table].map((column) => [column.field, column]));
  const plan: ColumnPlan[] = [];
  mapping.forEach((field, index) => {
    const column = field === null ? undefined : byField.get(field);
    if (column) plan.push({ index, header: headers[index] ?? '', column });
  });
  return plan;
}

/** Splits "Jan de Vries" into "Jan" and "de Vries": the first word is the given name. */
function splitFullName(fullName: string): { givenName: string; familyName: string } {
  const [givenName = '', ...rest] = fullName.trim().split(/\s+/);
  return { givenName, familyName: rest.join(' ') };
}

/** The fields the file has a column for (helpers resolved): only these are proposed in a merge. */
export function fieldsInFile(plan: readonly ColumnPlan[]): ReadonlySet<string> {
  const fields = new Set(plan.map(({ column }) => column.field));
  if (fields.delete('fullName')) fields.add('givenName').add('familyName');
  if (fields.delete('familyNamePrefix')) fields.add('familyName');
  // A contact's organisation column links to a known organisation: the link is the file's word too.
  if (fields.has('organisationName')) fields.add('organisationId');
  return fields;
}

/** The cells of one record read into fields (absent where empty); the first non-empty cell of a field wins. */
export function readRow(
  plan: readonly ColumnPlan[],
  record: readonly string[],
  decimal: DecimalSeparator,
): Record<string, unknown> | Rejection {
  const fields: Record<string, unknown> = {};
  for (const { index, header, column } of plan) {
    const cell = restoreNeutralised((record[index] ?? '').trim());
    if (cell === '' || column.field in fields) continue;
    const value = readCell(column, cell, decimal, header);
    if (isRejection(value)) return value;
    fields[column.field] = value;
  }
  if ('fullName' in fields) {
    if (!('givenName' in fields) && !('familyName' in fields)) {
      Object.assign(fields, splitFullName(String(fields.fullName)));
    }
    delete fields.fullName;
  }
  if ('familyNamePrefix' in fields) {
    fields.familyName = `${String(fields.familyNamePrefix)} ${String(fields.familyName ?? '')}`.trim();
    delete fields.familyNamePrefix;
  }
  return fields;
}
