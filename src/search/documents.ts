/**
 * Records → search documents: which fields of a mission, organisation, person or note are
 * searchable, and how much each weighs. People are built from an allowlist of fields, so nothing
 * sensitive (passport, date of birth, diet, medical notes, emergency contact) is ever indexed.
 */
import { countryName } from '../domain/countries';
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
    subtitle: [...mission.cities, ...mission.countryCodes.map((code) => nameOf(code, 'nl'))].join(', '),
    body: [mission.purpose, ...mission.partners, ...countryNames(mission.countryCodes)],
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
    subtitle: [organisation.city, nameOf(organisation.countryCode, 'nl')].filter(Boolean).join(', '),
    body: [
      organisation.industry,
      organisation.website,
      organisation.description,
      ...countryNames([organisation.countryCode]),
    ],
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
    title: [person.givenName, person.familyName].filter(Boolean).join(' '),
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
    subtitle: note.countryCodes.map((code) => nameOf(code, 'nl')).join(', '),
    body: [note.body, note.source, ...countryNames(note.countryCodes)],
  };
}
