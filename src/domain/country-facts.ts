/**
 * The facts a new country sheet of a focus country starts with: its focus from the team's plan,
 * its IANA time zones, its currency (ISO 4217) and its official languages. Only what is factual
 * and stable; goals, contacts, etiquette and the rest are for the country team to write.
 */
import { FOCUS_COUNTRIES } from './countries';
import type { CountrySheetFields } from './entities/country-sheet';

type Language = 'nl' | 'en';

interface CountryFacts {
  /** Every zone in use, east to west where there are several. */
  readonly timeZones: readonly string[];
  readonly currency: { readonly code: string; readonly name: Readonly<Record<Language, string>> };
  readonly languages: Readonly<Record<Language, string>>;
}

export const COUNTRY_FACTS: Readonly<Record<string, CountryFacts>> = {
  DE: {
    timeZones: ['Europe/Berlin'],
    currency: { code: 'EUR', name: { nl: 'Euro', en: 'Euro' } },
    languages: { nl: 'Duits', en: 'German' },
  },
  GB: {
    timeZones: ['Europe/London'],
    currency: { code: 'GBP', name: { nl: 'Pond sterling', en: 'Pound sterling' } },
    languages: { nl: 'Engels; regionaal ook Welsh', en: 'English; regionally also Welsh' },
  },
  US: {
    timeZones: [
      'America/New_York',
      'America/Chicago',
      'America/Denver',
      'America/Phoenix',
      'America/Los_Angeles',
      'America/Anchorage',
      'Pacific/Honolulu',
    ],
    currency: { code: 'USD', name: { nl: 'Amerikaanse dollar', en: 'US dollar' } },
    languages: { nl: 'Engels', en: 'English' },
  },
  CA: {
    timeZones: [
      'America/St_Johns',
      'America/Halifax',
      'America/Toronto',
      'America/Winnipeg',
      'America/Regina',
      'America/Edmonton',
      'America/Vancouver',
    ],
    currency: { code: 'CAD', name: { nl: 'Canadese dollar', en: 'Canadian dollar' } },
    languages: { nl: 'Engels en Frans', en: 'English and French' },
  },
  CN: {
    timeZones: ['Asia/Shanghai'],
    currency: { code: 'CNY', name: { nl: 'Renminbi (yuan)', en: 'Renminbi (yuan)' } },
    languages: { nl: 'Standaardchinees (Mandarijn)', en: 'Standard Chinese (Mandarin)' },
  },
  TW: {
    timeZones: ['Asia/Taipei'],
    currency: { code: 'TWD', name: { nl: 'Nieuwe Taiwanese dollar', en: 'New Taiwan dollar' } },
    languages: { nl: 'Mandarijn (traditioneel schrift)', en: 'Mandarin (traditional script)' },
  },
  IN: {
    timeZones: ['Asia/Kolkata'],
    currency: { code: 'INR', name: { nl: 'Indiase roepie', en: 'Indian rupee' } },
    languages: { nl: 'Hindi en Engels', en: 'Hindi and English' },
  },
  JP: {
    timeZones: ['Asia/Tokyo'],
    currency: { code: 'JPY', name: { nl: 'Japanse yen', en: 'Japanese yen' } },
    languages: { nl: 'Japans', en: 'Japanese' },
  },
};

/** An empty sheet for the country: every field blank, as the schema's defaults leave it. */
export function emptySheet(countryCode: string): CountrySheetFields {
  return {
    countryCode,
    focus: '',
    prioritySectors: [],
    planYear: null,
    goals: '',
    plannedActivities: '',
    jobTarget: null,
    teamPersonIds: [],
    keyContacts: [],
    timeZones: [],
    currency: '',
    languages: '',
    etiquette: '',
    visa: '',
    travelAdvice: '',
    emergencyNumbers: '',
  };
}

/**
 * The sheet a country starts with, in the language of the user who creates it: a focus country
 * gets its focus, zones, currency ("TWD – Nieuwe Taiwanese dollar") and languages; any other
 * country starts empty.
 */
export function prefilledSheet(countryCode: string, language: Language): CountrySheetFields {
  const sheet = emptySheet(countryCode);
  const focus = FOCUS_COUNTRIES.find((country) => country.code === countryCode)?.focus;
  const facts = COUNTRY_FACTS[countryCode];
  if (focus) sheet.focus = focus;
  if (facts) {
    sheet.timeZones = [...facts.timeZones];
    sheet.currency = `${facts.currency.code} – ${facts.currency.name[language]}`;
    sheet.languages = facts.languages[language];
  }
  return sheet;
}
