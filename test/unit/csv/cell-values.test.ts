import { describe, expect, it } from 'vitest';
import {
  neutraliseFormula,
  parseCsvDate,
  parseCsvNumber,
  restoreNeutralised,
} from '../../../src/domain/csv/cell-values';
import { countryCodeFromText, countryLabel } from '../../../src/domain/csv/country-lookup';

describe('numbers as Dutch and English Excel write them', () => {
  it.each([
    ['1.234,56', ',', 1234.56],
    ['1,234.56', ',', 1234.56],
    ['1.234,56', '.', 1234.56],
    ['12.345.678,90', ',', 12345678.9],
    ['3,500,000.50', '.', 3500000.5],
    ['1.234', ',', 1234],
    ['1,234', ',', 1.234],
    ['1,234', '.', 1234],
    ['1.234', '.', 1.234],
    ['1,5', '.', 1.5],
    ['1.5', ',', 1.5],
    ['€ 1.250', ',', 1250],
    ['1 250', ',', 1250],
    ['-7,25', ',', -7.25],
    ['0', ',', 0],
  ] as const)('%s in a file with decimal %s is %d', (raw, decimal, expected) => {
    expect(parseCsvNumber(raw, decimal)).toBe(expected);
  });

  it('reads an empty cell as no value and rejects what is not a number', () => {
    expect(parseCsvNumber('  ', ',')).toBeNull();
    for (const bad of ['veel', '12.34.5', '1,2,3.4.5', '1.2.3', '12abc', '--3', '1,,2', ',', '1.23,4,5']) {
      expect(parseCsvNumber(bad, ','), bad).toBeUndefined();
    }
  });
});

describe('dates as dd-mm-jjjj', () => {
  it('reads day-first and ISO dates', () => {
    expect(parseCsvDate('07-03-1970')).toBe('1970-03-07');
    expect(parseCsvDate('7-3-1970')).toBe('1970-03-07');
    expect(parseCsvDate('31/12/2026')).toBe('2026-12-31');
    expect(parseCsvDate('31.12.2026')).toBe('2026-12-31');
    expect(parseCsvDate('2026-12-31')).toBe('2026-12-31');
    expect(parseCsvDate('31-12-2026 0:00')).toBe('2026-12-31');
    expect(parseCsvDate('')).toBeNull();
  });

  it('rejects impossible and unreadable dates instead of guessing', () => {
    for (const bad of ['31-02-1980', '12/31/2026', '2026-13-01', 'morgen', '1-1-26', '07-03/1970']) {
      expect(parseCsvDate(bad), bad).toBeUndefined();
    }
  });
});

describe('countries in Dutch, English or as ISO code', () => {
  it.each([
    ['Duitsland', 'DE'],
    ['Germany', 'DE'],
    ['de', 'DE'],
    ['Verenigde Staten', 'US'],
    ['USA', 'US'],
    ['Groot-Brittannië', 'GB'],
    ['UK', 'GB'],
    ['Zuid-Korea', 'KR'],
    ['Curaçao', 'CW'],
    ['curacao', 'CW'],
    ['Hongkong', 'HK'],
    ['Nederland', 'NL'],
    ['  taiwan ', 'TW'],
  ])('%s → %s', (name, code) => {
    expect(countryCodeFromText(name)).toBe(code);
  });

  it('knows no country called Atlantis, and no code XX', () => {
    expect(countryCodeFromText('Atlantis')).toBeUndefined();
    expect(countryCodeFromText('XX')).toBeUndefined();
  });

  it('writes names that read back to the same code', () => {
    for (const code of ['DE', 'GB', 'US', 'CA', 'CN', 'TW', 'IN', 'JP', 'KR', 'CW', 'HK', 'CI']) {
      for (const language of ['nl', 'en'] as const)
        expect(countryCodeFromText(countryLabel(code, language))).toBe(code);
    }
  });
});

describe('formula injection guard', () => {
  it('puts an apostrophe before cells a spreadsheet would run, and only those', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('Acme')).toBe('Acme');
    expect(neutraliseFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
  });

  it('is undone exactly on import, also for a value that itself starts with an apostrophe', () => {
    for (const value of ['=SUM(A1:A9)', "'=x", "''+1", "'s-Hertogenbosch", '@home', 'plain']) {
      expect(restoreNeutralised(neutraliseFormula(value))).toBe(value);
    }
  });
});
