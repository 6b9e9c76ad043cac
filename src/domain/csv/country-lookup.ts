/** Maps a country as people type it in a spreadsheet (Dutch or English name, ISO code) to its ISO alpha-2 code. */
import { ISO_COUNTRY_CODES } from '../countries';
import { foldForSearch } from '../text';

/** Names Excel lists carry that the CLDR names (Intl.DisplayNames) do not: short forms and old names. */
const ALIASES: Readonly<Record<string, string>> = {
  holland: 'NL',
  usa: 'US',
  vs: 'US',
  'verenigde staten van amerika': 'US',
  'united states of america': 'US',
  amerika: 'US',
  america: 'US',
  uk: 'GB',
  engeland: 'GB',
  england: 'GB',
  schotland: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'great britain': 'GB',
  'groot brittannie': 'GB',
  'zuid korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  'noord korea': 'KP',
  'volksrepubliek china': 'CN',
  'peoples republic of china': 'CN',
  prc: 'CN',
  roc: 'TW',
  'republic of china': 'TW',
  'taiwan roc': 'TW',
  'hong kong sar': 'HK',
  rusland: 'RU',
  russia: 'RU',
  tsjechie: 'CZ',
  'czech republic': 'CZ',
  turkey: 'TR',
  turkije: 'TR',
  'ivory coast': 'CI',
  'hong kong': 'HK',
  bonaire: 'BQ',
};

/** Folded, with punctuation as space: "Groot-Brittannië" and "groot brittannie" meet. */
function countryKey(value: string): string {
  return foldForSearch(value.replace(/[^\p{L}\p{N}]+/gu, ' '));
}

let table: Map<string, string> | undefined;

function nameTable(): Map<string, string> {
  if (table) return table;
  const built = new Map<string, string>();
  // Short names too ("Hongkong", "VK", "Macau"): they are what people type.
  for (const style of ['long', 'short'] as const) {
    for (const language of ['en', 'nl']) {
      const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none', style });
      for (const code of ISO_COUNTRY_CODES) {
        const name = names.of(code);
        if (name) built.set(countryKey(name), code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) built.set(alias, code);
  table = built;
  return built;
}

/** The ISO alpha-2 code of a country name or code in Dutch or English, or undefined when unknown. */
export function countryCodeFromText(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (ISO_COUNTRY_CODES.includes(code)) return code;
  }
  return nameTable().get(countryKey(trimmed));
}

/** The country's name as the export writes it, which countryCodeFromText reads back to the same code. */
export function countryLabel(code: string, language: 'nl' | 'en'): string {
  const name = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
  return name !== undefined && countryCodeFromText(name) === code ? name : code;
}
