/**
 * Records of schema/format version 1 (the foundation) brought to version 2 (dossier editing):
 * renamed fields moved, new fields given their defaults. Shared by the IndexedDB upgrade and by
 * the dossier-file reader, so a v1 database and a v1 file come out the same. Frozen: a later
 * version adds its own step after this one instead of editing it.
 */
type Row = Record<string, unknown>;

const EMPTY_ANSWER = { answer: '', rationale: '' };

/** Fields a v2 record has and a v1 record lacks, with their v2 defaults, per table. */
const ADDED: Readonly<Record<string, Row>> = {
  missions: {
    statusReason: '',
    leadPersonId: '',
    coordinatorPersonId: '',
    partners: [],
    plannedBudgetCents: null,
    actualBudgetCents: null,
    assessment: { answers: { A: EMPTY_ANSWER, B: EMPTY_ANSWER, C: EMPTY_ANSWER, D: EMPTY_ANSWER }, advice: '' },
    approvalOverrideReason: '',
    travelBufferMinutes: 30,
    archived: false,
    outcome: '',
    classification: 'internal',
    briefingSelection: null,
  },
  people: { organisationId: '', languages: [], bio: '', photoId: '', passportExpiry: '' },
  organisations: { sectors: [], industry: '', employees: null, revenueEur: null, relationship: '' },
  delegation: {
    arrivalMode: '',
    arrivalNumber: '',
    arrivalAt: '',
    arrivalTimeZone: '',
    departureMode: '',
    departureNumber: '',
    departureAt: '',
    departureTimeZone: '',
    hotel: '',
  },
  agenda: {
    address: '',
    mapsUrl: '',
    contactIds: [],
    objective: '',
    talkingPoints: '',
    background: '',
    transport: '',
    dressCode: '',
    outcome: '',
  },
  targets: {},
  notes: { sourceUrl: '', sourceDate: '', reliability: '', sectors: [], organisationIds: [] },
};

/** v1 field → v2 field, with how the value changes. */
const RENAMED: Readonly<Record<string, Readonly<Record<string, [string, (value: unknown) => unknown]>>>> = {
  missions: { countryCode: ['countryCodes', (code) => [code]] },
  notes: { countryCode: ['countryCodes', (code) => [code]] },
  organisations: { sector: ['industry', (sector) => sector] },
};

export const V1_TABLES = Object.keys(ADDED);

/**
 * The v2 form of a v1 record of `table`. Meta (id, stamps, …) passes through; a renamed field
 * keeps its stamp under the new name, so sync sees the same history.
 */
export function upgradeRecordV1toV2(table: string, record: Row): Row {
  const renamed = RENAMED[table] ?? {};
  const rename = (key: string) => renamed[key]?.[0] ?? key;
  const next: Row = structuredClone(ADDED[table] ?? {});
  for (const [key, value] of Object.entries(record)) {
    const rule = renamed[key];
    if (rule) next[rule[0]] = rule[1](value);
    else if (key === 'stamps' && value && typeof value === 'object') {
      next.stamps = Object.fromEntries(Object.entries(value).map(([field, stamp]) => [rename(field), stamp]));
    } else next[key] = value;
  }
  return next;
}
