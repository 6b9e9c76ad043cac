/**
 * Reads numbers and dates the way Dutch and English Excel write them in a CSV cell, and undoes the
 * formula guard our own export adds. Each reader returns a value, null for an empty cell, or
 * `undefined` when the cell holds something it cannot read (the row is then rejected).
 */

/** The decimal separator the file most likely uses: Dutch Excel writes `;` files with a decimal comma. */
export type DecimalSeparator = ',' | '.';

/**
 * "1.234,56", "1,234.56", "1234,5", "1 234", "€ 1.250.000": a number, or undefined when the cell is
 * not one. With a single separator kind the file's decimal separator decides, except where only one
 * reading fits ("1.234.567" has thousands separators; "1.5" has a decimal point in any file).
 */
export function parseCsvNumber(raw: string, decimal: DecimalSeparator): number | null | undefined {
  let value = raw.replace(/[\s\u00a0\u202f€]|EUR/gi, '');
  if (value === '') return null;
  let sign = '';
  if (/^[-+]/.test(value)) {
    sign = value[0] === '-' ? '-' : '';
    value = value.slice(1);
  }
  if (!/^[\d.,]+$/.test(value) || !/\d/.test(value)) return undefined;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  let decimalMark: string | null = null;
  let thousandsMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalMark = lastDot > lastComma ? '.' : ',';
    thousandsMark = decimalMark === '.' ? ',' : '.';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    if (value.split(mark).length > 2) thousandsMark = mark;
    else if (mark !== decimal && /^\d{1,3}[.,]\d{3}$/.test(value)) thousandsMark = mark;
    else decimalMark = mark;
  }
  const parts = decimalMark === null ? [value] : value.split(decimalMark);
  if (parts.length > 2) return undefined;
  const [whole = '', fraction] = parts;
  let digits = whole;
  if (thousandsMark !== null && whole.includes(thousandsMark)) {
    // Thousands separators sit between groups of three, or "12.34.5" would read as a number.
    const groups = whole.split(thousandsMark);
    if (!groups.every((group, i) => (i === 0 ? /^\d{1,3}$/ : /^\d{3}$/).test(group))) return undefined;
    digits = groups.join('');
  }
  if (!/^\d+$/.test(digits) || (fraction !== undefined && !/^\d+$/.test(fraction))) return undefined;
  const number = Number(`${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(number) ? number : undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * "31-12-2026" (dd-mm-jjjj), "31/12/2026", "31.12.2026", "1-2-2026" and ISO "2026-12-31": an ISO
 * date, null when empty, undefined otherwise. Day first, as Dutch and British Excel write it;
 * American month-first dates are not guessed at, because "02/03/2026" would silently be wrong.
 * A time after the date (Excel adds "0:00" to some cells) is ignored.
 */
export function parseCsvDate(raw: string): string | null | undefined {
  const value = raw.trim().replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (value === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(value);
  if (dayFirst) return isoDate(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]));
  return undefined;
}

/**
 * A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is a formula to a spreadsheet
 * (OWASP "CSV injection"); apostrophes already in front count too, so that the guard can be undone
 * exactly: "'=x" is written as "''=x" and reads back as "'=x".
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** A text cell as Excel should see it: a leading apostrophe keeps a would-be formula as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, so our own export reads back as it was. */
export function restoreNeutralised(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}
