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

/** ISO 3166-1 alpha-2, all officially assigned codes (249). */
export const ISO_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW ' +
  'BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI ' +
  'FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN ' +
  'IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME ' +
  'MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF ' +
  'PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE ' +
  'YT ZA ZM ZW'
).split(' ');

/** Countries to choose from: the focus countries first, then every other by its name in the language. */
export function countryChoices(language: 'nl' | 'en'): { value: string; label: string }[] {
  const focus = FOCUS_COUNTRIES.map((country) => ({ value: country.code, label: country.name[language] }));
  const focusCodes = new Set(focus.map((choice) => choice.value));
  const rest = ISO_COUNTRY_CODES.filter((code) => !focusCodes.has(code))
    .map((code) => ({ value: code, label: countryName(code, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return [...focus, ...rest];
}

/** The zone a new mission to this country starts with; the user may pick another. */
export function defaultZoneOf(code: string): string | undefined {
  return FOCUS_COUNTRIES.find((country) => country.code === code)?.defaultZone;
}
