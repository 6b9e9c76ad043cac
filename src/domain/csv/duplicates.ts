/**
 * The duplicate guard: which existing organisations or contacts a new one probably is. Organisations
 * match on folded name + country or on website domain; contacts on e-mail address or on folded
 * name + organisation. Built once from records (not from the database) and updated as rows are added.
 */
import { foldForSearch } from '../text';

export interface OrganisationKeyFields {
  readonly name: string;
  readonly countryCode: string;
  readonly website: string;
}

export interface PersonKeyFields {
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly organisationId: string;
  readonly organisationName: string;
}

export type OrganisationMatch = 'nameCountry' | 'website';
export type PersonMatch = 'email' | 'nameOrganisation';

export interface LikelyDuplicate<M extends string> {
  readonly id: string;
  readonly matchedBy: M;
}

/** "https://www.Acme.nl/contact" → "acme.nl": the part of a website that names the organisation. */
export function websiteDomain(website: string): string {
  const trimmed = website.trim();
  if (trimmed === '') return '';
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return url.hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch (error) {
    // Not a web address at all: it cannot match another organisation's website.
    if (error instanceof TypeError) return '';
    throw error;
  }
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  if (key === '') return;
  const ids = map.get(key);
  if (ids) {
    if (!ids.includes(id)) ids.push(id);
  } else map.set(key, [id]);
}

function removeFrom(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  const left = ids.filter((other) => other !== id);
  if (left.length > 0) map.set(key, left);
  else map.delete(key);
}

/** The keys an organisation is matched by: folded name + country, and website domain ('' = none). */
export interface OrganisationKeys {
  readonly name: string;
  readonly nameCountry: string;
  readonly domain: string;
}

export function organisationKeys(fields: OrganisationKeyFields): OrganisationKeys {
  const name = foldForSearch(fields.name);
  return {
    name,
    nameCountry: name === '' ? '' : `${name}\u0000${fields.countryCode}`,
    domain: websiteDomain(fields.website),
  };
}

/** The existing organisations by their duplicate keys, and their fields for merge proposals. */
export class OrganisationIndex<F extends OrganisationKeyFields = OrganisationKeyFields> {
  private readonly byNameCountry = new Map<string, string[]>();
  private readonly byDomain = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();
  readonly records = new Map<string, F>();

  constructor(records: Iterable<F & { readonly id: string }> = []) {
    for (const record of records) this.put(record.id, record);
  }

  put(id: string, fields: F): void {
    this.remove(id);
    this.records.set(id, fields);
    const keys = organisationKeys(fields);
    addTo(this.byNameCountry, keys.nameCountry, id);
    addTo(this.byDomain, keys.domain, id);
    addTo(this.byName, keys.name, id);
  }

  remove(id: string): void {
    const old = this.records.get(id);
    if (!old) return;
    this.records.delete(id);
    const keys = organisationKeys(old);
    removeFrom(this.byNameCountry, keys.nameCountry, id);
    removeFrom(this.byDomain, keys.domain, id);
    removeFrom(this.byName, keys.name, id);
  }

  /** Ids of organisations with this folded name in any country: how a contact's organisation column is linked. */
  idsNamed(name: string): readonly string[] {
    return this.byName.get(foldForSearch(name)) ?? [];
  }

  /** Every match, strongest first: name + country before website. */
  lookUp(keys: OrganisationKeys): LikelyDuplicate<OrganisationMatch>[] {
    const found: LikelyDuplicate<OrganisationMatch>[] = [];
    for (const id of this.byNameCountry.get(keys.nameCountry) ?? []) found.push({ id, matchedBy: 'nameCountry' });
    for (const id of this.byDomain.get(keys.domain) ?? []) {
      if (!found.some((match) => match.id === id)) found.push({ id, matchedBy: 'website' });
    }
    return found;
  }
}

/**
 * The organisations a new or edited one probably duplicates, strongest match first; `ignoreId`
 * leaves out the record being edited. The organisation form shows these before saving.
 */
export function findLikelyDuplicates(
  candidate: OrganisationKeyFields,
  index: OrganisationIndex,
  ignoreId?: string,
): LikelyDuplicate<OrganisationMatch>[] {
  return index.lookUp(organisationKeys(candidate)).filter((match) => match.id !== ignoreId);
}

/** The keys a contact is matched by: e-mail address, and folded name + organisation ('' = none). */
export interface PersonKeys {
  readonly email: string;
  readonly nameOrganisation: string;
}

export function personKeys(fields: PersonKeyFields): PersonKeys {
  const name = foldForSearch(`${fields.givenName} ${fields.familyName}`);
  const organisation = fields.organisationId || foldForSearch(fields.organisationName);
  return {
    email: fields.email.trim().toLowerCase(),
    nameOrganisation: name === '' ? '' : `${name}\u0000${organisation}`,
  };
}

/** The existing contacts by e-mail address and by name + organisation. */
export class PersonIndex<F extends PersonKeyFields = PersonKeyFields> {
  private readonly byEmail = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();
  readonly records = new Map<string, F>();

  constructor(records: Iterable<F & { readonly id: string }> = []) {
    for (const record of records) this.put(record.id, record);
  }

  put(id: string, fields: F): void {
    this.remove(id);
    this.records.set(id, fields);
    const keys = personKeys(fields);
    addTo(this.byEmail, keys.email, id);
    addTo(this.byName, keys.nameOrganisation, id);
  }

  remove(id: string): void {
    const old = this.records.get(id);
    if (!old) return;
    this.records.delete(id);
    const keys = personKeys(old);
    removeFrom(this.byEmail, keys.email, id);
    removeFrom(this.byName, keys.nameOrganisation, id);
  }

  /** Every match, strongest first: e-mail before name + organisation. */
  lookUp(keys: PersonKeys): LikelyDuplicate<PersonMatch>[] {
    const found: LikelyDuplicate<PersonMatch>[] = [];
    for (const id of this.byEmail.get(keys.email) ?? []) found.push({ id, matchedBy: 'email' });
    for (const id of this.byName.get(keys.nameOrganisation) ?? []) {
      if (!found.some((match) => match.id === id)) found.push({ id, matchedBy: 'nameOrganisation' });
    }
    return found;
  }
}
