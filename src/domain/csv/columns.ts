/**
 * The CSV columns of organisations and contacts: which headers (Dutch or English, as people write
 * them in Excel) mean which field, how a cell is read, and what our own export writes as header and
 * value labels, so an export reads back through the same table.
 */
import { foldForSearch } from '../text';

export type CsvTable = 'organisations' | 'people';

/** Value labels: the first is what the export writes in Dutch, the second in English; all are read. */
type Labels = Readonly<Record<string, readonly [nl: string, en: string, ...synonyms: string[]]>>;

export type CellReader =
  | { readonly type: 'text' }
  | { readonly type: 'int' }
  | { readonly type: 'number' }
  | { readonly type: 'date' }
  | { readonly type: 'country' }
  | { readonly type: 'website' }
  | { readonly type: 'list' }
  | { readonly type: 'enum'; readonly labels: Labels }
  | { readonly type: 'enumList'; readonly labels: Labels };

export interface CsvColumn {
  /**
   * The entity field, or one of two helpers: `familyNamePrefix` (the Dutch "tussenvoegsel" column,
   * joined to the family name) and `fullName` (one name column, split into given and family name).
   */
  readonly field: string;
  /** The header our export writes, per language; both are also read. */
  readonly header: { readonly nl: string; readonly en: string };
  /** Other headers that mean this column, in any case and with or without accents. */
  readonly synonyms: readonly string[];
  readonly read: CellReader;
}

const SECTOR_LABELS: Labels = {
  life_sciences_health: ['Life sciences & health', 'Life sciences & health', 'life sciences', 'lsh', 'health'],
  ict: ['ICT', 'ICT', 'it'],
  gaming: ['Gaming', 'Gaming', 'games'],
  innovation_sustainability: [
    'Innovatie & duurzaamheid',
    'Innovation & sustainability',
    'duurzaamheid',
    'sustainability',
    'innovatie',
    'innovation',
  ],
};

const ORGANISATION_KIND_LABELS: Labels = {
  company: ['Bedrijf', 'Company', 'onderneming', 'business', 'firm'],
  knowledge_institution: [
    'Kennisinstelling',
    'Knowledge institution',
    'universiteit',
    'university',
    'hogeschool',
    'onderzoeksinstituut',
    'research institute',
  ],
  government: ['Overheid', 'Government', 'gemeente', 'ministerie', 'public authority', 'agency'],
  network: ['Netwerkorganisatie', 'Network organisation', 'netwerk', 'network', 'network organization', 'cluster'],
  other: ['Anders', 'Other', 'overig', 'overige'],
};

const RELATIONSHIP_LABELS: Labels = {
  prospect: ['Prospect', 'Prospect'],
  lead: ['Lead', 'Lead'],
  active_project: ['Actief project', 'Active project'],
  investor: ['Investeerder in de regio', 'Investor in the region', 'investeerder', 'investor'],
  trade_partner: ['Handelspartner', 'Trade partner'],
};

const PERSON_KIND_LABELS: Labels = {
  administrator: ['Bestuurder', 'Administrator', 'wethouder', 'gedeputeerde', 'burgemeester'],
  official: ['Ambtenaar', 'Official', 'civil servant'],
  company: ['Bedrijf', 'Company', 'bedrijfsvertegenwoordiger', 'business'],
  partner: ['Partner', 'Partner'],
};

const text = { type: 'text' } as const;

export const CSV_COLUMNS: Readonly<Record<CsvTable, readonly CsvColumn[]>> = {
  organisations: [
    {
      field: 'name',
      header: { nl: 'Naam', en: 'Name' },
      synonyms: ['bedrijfsnaam', 'organisatie', 'organisatienaam', 'bedrijf', 'company', 'company name'],
      read: text,
    },
    {
      field: 'localName',
      header: { nl: 'Naam in eigen schrift', en: 'Local name' },
      synonyms: ['lokale naam', 'naam lokaal', 'native name', 'name in local script'],
      read: text,
    },
    {
      field: 'localNameLang',
      header: { nl: 'Taal van de naam', en: 'Local name language' },
      synonyms: ['taal lokale naam', 'local name lang', 'name language'],
      read: text,
    },
    {
      field: 'kind',
      header: { nl: 'Soort', en: 'Kind' },
      synonyms: ['soort organisatie', 'type', 'organisation type', 'organization type', 'category', 'categorie'],
      read: { type: 'enum', labels: ORGANISATION_KIND_LABELS },
    },
    {
      field: 'countryCode',
      header: { nl: 'Land', en: 'Country' },
      synonyms: ['landcode', 'country code', 'vestigingsland'],
      read: { type: 'country' },
    },
    {
      field: 'city',
      header: { nl: 'Plaats', en: 'City' },
      synonyms: ['stad', 'vestigingsplaats', 'woonplaats', 'town', 'location'],
      read: text,
    },
    {
      field: 'sectors',
      header: { nl: 'Sectoren', en: 'Sectors' },
      synonyms: ['sector', 'focussector', 'focus sectors', 'topsector'],
      read: { type: 'enumList', labels: SECTOR_LABELS },
    },
    {
      field: 'industry',
      header: { nl: 'Branche', en: 'Industry' },
      synonyms: ['bedrijfstak', 'activiteit', 'line of business'],
      read: text,
    },
    {
      field: 'website',
      header: { nl: 'Website', en: 'Website' },
      synonyms: ['site', 'url', 'web', 'webadres', 'homepage', 'internet'],
      read: { type: 'website' },
    },
    {
      field: 'employees',
      header: { nl: 'Medewerkers', en: 'Employees' },
      synonyms: ['aantal medewerkers', 'werknemers', 'aantal werknemers', 'headcount', 'staff', 'number of employees'],
      read: { type: 'int' },
    },
    {
      field: 'revenueEur',
      header: { nl: 'Omzet (EUR)', en: 'Revenue (EUR)' },
      synonyms: ['omzet', 'jaaromzet', 'revenue', 'turnover', 'annual revenue'],
      read: { type: 'number' },
    },
    {
      field: 'description',
      header: { nl: 'Omschrijving', en: 'Description' },
      synonyms: ['beschrijving', 'toelichting', 'opmerkingen', 'notities', 'notes', 'comments', 'remarks'],
      read: text,
    },
    {
      field: 'relationship',
      header: { nl: 'Relatie', en: 'Relationship' },
      synonyms: ['relatie met de regio', 'relation', 'relationship to the region'],
      read: { type: 'enum', labels: RELATIONSHIP_LABELS },
    },
  ],
  people: [
    {
      // A single name column, as many lists have: split into given and family name when those are absent.
      field: 'fullName',
      header: { nl: 'Volledige naam', en: 'Full name' },
      synonyms: ['naam', 'name', 'contactpersoon', 'contact', 'contact name'],
      read: text,
    },
    {
      field: 'givenName',
      header: { nl: 'Voornaam', en: 'Given name' },
      synonyms: ['roepnaam', 'voornamen', 'first name', 'firstname', 'forename'],
      read: text,
    },
    {
      field: 'familyNamePrefix',
      header: { nl: 'Tussenvoegsel', en: 'Surname prefix' },
      synonyms: ['tussenvoegsels', 'voorvoegsel', 'middle name'],
      read: text,
    },
    {
      field: 'familyName',
      header: { nl: 'Achternaam', en: 'Family name' },
      synonyms: ['familienaam', 'last name', 'lastname', 'surname'],
      read: text,
    },
    {
      field: 'honorific',
      header: { nl: 'Aanhef', en: 'Honorific' },
      synonyms: ['titel', 'title', 'aanspreektitel'],
      read: text,
    },
    {
      field: 'kind',
      header: { nl: 'Soort', en: 'Kind' },
      synonyms: ['type', 'soort contact', 'category', 'categorie'],
      read: { type: 'enum', labels: PERSON_KIND_LABELS },
    },
    {
      field: 'jobTitle',
      header: { nl: 'Functie', en: 'Job title' },
      synonyms: ['functietitel', 'rol', 'position', 'role', 'job'],
      read: text,
    },
    {
      field: 'organisationName',
      header: { nl: 'Organisatie', en: 'Organisation' },
      synonyms: ['bedrijf', 'werkgever', 'bedrijfsnaam', 'company', 'organization', 'employer'],
      read: text,
    },
    {
      field: 'email',
      header: { nl: 'E-mail', en: 'Email' },
      synonyms: ['e-mailadres', 'mail', 'email address', 'e-mail address'],
      read: text,
    },
    {
      field: 'phone',
      header: { nl: 'Telefoon', en: 'Phone' },
      synonyms: ['telefoonnummer', 'tel', 'mobiel', 'mobile', 'telephone', 'phone number'],
      read: text,
    },
    {
      field: 'languages',
      header: { nl: 'Talen', en: 'Languages' },
      synonyms: ['taal', 'language'],
      read: { type: 'list' },
    },
    { field: 'bio', header: { nl: 'Biografie', en: 'Biography' }, synonyms: ['bio', 'cv'], read: text },
    {
      field: 'passportNumber',
      header: { nl: 'Paspoortnummer', en: 'Passport number' },
      synonyms: ['paspoort', 'passport'],
      read: text,
    },
    {
      field: 'passportExpiry',
      header: { nl: 'Paspoort geldig tot', en: 'Passport expiry' },
      synonyms: ['geldig tot', 'passport expiry date'],
      read: { type: 'date' },
    },
    {
      field: 'dateOfBirth',
      header: { nl: 'Geboortedatum', en: 'Date of birth' },
      synonyms: ['geboren', 'birth date', 'birthday'],
      read: { type: 'date' },
    },
    {
      field: 'dietaryNeeds',
      header: { nl: 'Dieetwensen', en: 'Dietary needs' },
      synonyms: ['dieet', 'diet', 'dietary requirements'],
      read: text,
    },
    {
      field: 'medicalNotes',
      header: { nl: 'Medische bijzonderheden', en: 'Medical notes' },
      synonyms: ['medisch', 'medical'],
      read: text,
    },
    {
      field: 'emergencyContact',
      header: { nl: 'Contact bij nood', en: 'Emergency contact' },
      synonyms: ['noodcontact', 'in case of emergency', 'ice'],
      read: text,
    },
  ],
};

/** Headers compared without case, accents or punctuation: "E-mailadres" and "e mail adres" differ only in spaces. */
export function headerKey(header: string): string {
  return foldForSearch(header.replace(/[^\p{L}\p{N}]+/gu, ' ')).replace(/ /g, '');
}

const headerTables = new Map<CsvTable, Map<string, string>>();

function headerTable(table: CsvTable): Map<string, string> {
  const cached = headerTables.get(table);
  if (cached) return cached;
  const built = new Map<string, string>();
  for (const column of CSV_COLUMNS[table]) {
    for (const name of [column.field, column.header.nl, column.header.en, ...column.synonyms]) {
      const key = headerKey(name);
      if (!built.has(key)) built.set(key, column.field);
    }
  }
  headerTables.set(table, built);
  return built;
}

/**
 * The field each header means, or null where the header is not recognised (or a field is already
 * taken by an earlier column: two "Naam" columns map the first).
 */
export function proposeMapping(table: CsvTable, headers: readonly string[]): (string | null)[] {
  const known = headerTable(table);
  const taken = new Set<string>();
  return headers.map((header) => {
    const field = known.get(headerKey(header));
    if (field === undefined || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** The code a value label stands for, in either language or as the code itself. */
export function codeFromLabel(labels: Labels, raw: string): string | undefined {
  const key = headerKey(raw);
  for (const [code, names] of Object.entries(labels)) {
    if (headerKey(code) === key || names.some((name) => headerKey(name) === key)) return code;
  }
  return undefined;
}

/** The label the export writes for a code. */
export function labelOf(labels: Labels, code: string, language: 'nl' | 'en'): string {
  const names = labels[code];
  if (!names) return code;
  return language === 'nl' ? names[0] : names[1];
}
