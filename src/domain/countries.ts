/** The team's focus countries (2018 plan) with the zone used when a place has no zone of its own. */
export type FocusKind = 'trade_invest' | 'invest';

export interface FocusCountry {
  readonly code: string;
  readonly name: { readonly nl: string; readonly en: string };
  readonly focus: FocusKind;
  readonly defaultZone: string;
}

export const FOCUS_COUNTRIES: readonly FocusCountry[] = [
  { code: 'DE', name: { nl: 'Duitsland', en: 'Germany' }, focus: 'trade_invest', defaultZone: 'Europe/Berlin' },
  {
    code: 'GB',
    name: { nl: 'Verenigd Koninkrijk', en: 'United Kingdom' },
    focus: 'trade_invest',
    defaultZone: 'Europe/London',
  },
  {
    code: 'US',
    name: { nl: 'Verenigde Staten', en: 'United States' },
    focus: 'trade_invest',
    defaultZone: 'America/New_York',
  },
  { code: 'CA', name: { nl: 'Canada', en: 'Canada' }, focus: 'trade_invest', defaultZone: 'America/Toronto' },
  { code: 'CN', name: { nl: 'China', en: 'China' }, focus: 'trade_invest', defaultZone: 'Asia/Shanghai' },
  { code: 'TW', name: { nl: 'Taiwan', en: 'Taiwan' }, focus: 'trade_invest', defaultZone: 'Asia/Taipei' },
  { code: 'IN', name: { nl: 'India', en: 'India' }, focus: 'invest', defaultZone: 'Asia/Kolkata' },
  { code: 'JP', name: { nl: 'Japan', en: 'Japan' }, focus: 'invest', defaultZone: 'Asia/Tokyo' },
];

export const COUNTRY_CODE = /^[A-Z]{2}$/;

export function countryName(code: string, language: 'nl' | 'en'): string {
  const known = FOCUS_COUNTRIES.find((country) => country.code === code);
  if (known) return known.name[language];
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    // An unknown or malformed code is shown as is rather than hidden.
    return code;
  }
}
