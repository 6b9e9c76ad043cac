/**
 * Records → search documents: which fields of a mission, organisation, person, note or country
 * sheet are searchable, and how much each weighs. People are built from an allowlist of fields, so nothing
 * sensitive (passport, date of birth, diet, medical notes, emergency contact) is ever indexed.
 */
import { countryName } from '../domain/countries';
import { displayName } from '../domain/person-name';
import type { FieldsOf } from '../domain/entities';
import type { SearchDoc } from './search-index';

type WithId<T> = T & { readonly id: string };

// countryName builds an Intl.DisplayNames per call; indexing 50,000 records asks for a handful of names.
const names = new Map<string, string>();
function nameOf(code: string, language: 'nl' | 'en'): string {
  const key = `${code}:${language}`;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = countryName(code, language)));
  return name;
}

/** Country names in both languages, so "duitsland" and "germany" both find German records. */
function countryNames(codes: readonly string[]): string[] {
  return codes.flatMap((code) => [nameOf(code, 'nl'), nameOf(code, 'en')]);
}

export function missionDoc(
  mission: WithId<Pick<FieldsOf<'missions'>, 'title' | 'countryCodes' | 'cities' | 'purpose' | 'partners'>>,
): SearchDoc {
  return {
    kind: 'missions',
    id: mission.id,
    title: mission.title,
    subtitle: mission.cities.join(', '),
    places: countryNames(mission.countryCodes),
    ref: mission.countryCodes.join(','),
    body: [mission.purpose, ...mission.partners],
  };
}

export function organisationDoc(
  organisation: WithId<
    Pick<
      FieldsOf<'organisations'>,
      'name' | 'localName' | 'countryCode' | 'city' | 'industry' | 'website' | 'description'
    >
  >,
): SearchDoc {
  return {
    kind: 'organisations',
    id: organisation.id,
    title: organisation.name,
    names: organisation.localName ? [organisation.localName] : [],
    // The name in its own script is shown too: a query in Chinese finds the name it matched.
    subtitle: [organisation.localName, organisation.city].filter(Boolean).join(', '),
    places: countryNames([organisation.countryCode]),
    ref: organisation.countryCode,
    body: [organisation.industry, organisation.website, organisation.description],
  };
}

/** The person fields that may be searched. Sensitive fields are not in this list and never will be. */
export type SearchablePerson = WithId<
  Pick<
    FieldsOf<'people'>,
    'givenName' | 'familyName' | 'honorific' | 'jobTitle' | 'organisationName' | 'email' | 'phone' | 'bio'
  >
>;

/** `organisationName` resolves a linked organisation's id to its current name. */
export function personDoc(
  person: SearchablePerson & { readonly organisationId?: string },
  organisationName = '',
): SearchDoc {
  const organisation = person.organisationName || organisationName;
  return {
    kind: 'people',
    id: person.id,
    title: displayName({ givenName: person.givenName, familyName: person.familyName }),
    subtitle: [person.jobTitle, organisation].filter(Boolean).join(', '),
    body: [person.email, person.phone, person.bio],
  };
}

export function noteDoc(
  note: WithId<Pick<FieldsOf<'notes'>, 'title' | 'body' | 'source' | 'countryCodes'>>,
): SearchDoc {
  return {
    kind: 'notes',
    id: note.id,
    title: note.title,
    places: countryNames(note.countryCodes),
    ref: note.countryCodes.join(','),
    body: [note.body, note.source],
  };
}

/** The focus of a country sheet as words in both languages, so "handel" and "invest" find it. */
const FOCUS_WORDS: Record<FieldsOf<'countrySheets'>['focus'], string> = {
  '': '',
  trade: 'trade handel',
  invest: 'invest investeren',
  trade_invest: 'trade handel invest investeren',
};

/**
 * A country sheet is found by its country's name in Dutch and English, its focus, the yearly plan's
 * goals and planned activities, and the names of its key contacts (the embassy, the chamber). Phone
 * numbers, addresses, the team's people and the practical notes are not indexed. `ref` carries the
 * country code, so the result can show the country's name in the reader's language.
 */
export function countrySheetDoc(
  sheet: WithId<
    Pick<FieldsOf<'countrySheets'>, 'countryCode' | 'focus' | 'planYear' | 'goals' | 'plannedActivities'> & {
      readonly keyContacts: readonly { readonly name: string }[];
    }
  >,
): SearchDoc {
  return {
    kind: 'countrySheets',
    id: sheet.id,
    ref: sheet.countryCode,
    title: nameOf(sheet.countryCode, 'nl'),
    names: [nameOf(sheet.countryCode, 'en')],
    subtitle: sheet.planYear === null ? '' : String(sheet.planYear),
    body: [
      FOCUS_WORDS[sheet.focus],
      sheet.goals,
      sheet.plannedActivities,
      ...sheet.keyContacts.map((contact) => contact.name),
    ],
  };
}
