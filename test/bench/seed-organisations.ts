/**
 * Seeded generator of organisation records for the start-up benchmark. Each record has the exact
 * shape the app's one write path (src/db/writer.ts, inWriteTransaction) stores for a newly created
 * organisation, and each write also yields the change-log row that path appends; the fields are
 * validated with the app's own zod schema (OrganisationFields), the stamps come from the app's
 * hybrid logical clock (tick/formatHlc) and the sort key from ENTITIES.organisations.sortKey.
 *
 * Deterministic: the same seed gives byte-for-byte the same records. Ids are UUIDv7 laid out as in
 * src/domain/ids.ts (newId), with the random bits drawn from the seeded generator instead of
 * crypto, and checked against ID_PATTERN.
 */
import { FOCUS_COUNTRIES } from '../../src/domain/countries';
import { ENTITIES, type Organisation } from '../../src/domain/entities';
import { RecordMeta } from '../../src/domain/entities/common';
import { OrganisationFields, ORGANISATION_KINDS } from '../../src/domain/entities/organisation';
import { formatHlc, initialClock, tick, type HlcState } from '../../src/domain/hlc';
import { ID_PATTERN } from '../../src/domain/ids';
import { foldForSearch } from '../../src/domain/text';
import { mulberry32, randomBytes, type Prng } from './prng';

/** The seed of the benchmark data set (the day this benchmark was written). */
export const DEFAULT_SEED = 20261128;
/** Wall time of the first simulated write: fixed, so the stamps are reproducible. */
export const SEED_BASE_TIME = Date.UTC(2026, 9, 1, 8, 0, 0);
/** Simulated writes per millisecond: exercises the HLC counter as a bulk import would. */
const WRITES_PER_MS = 8;

/** The change-log row the write path appends for each write (src/db/database.ts ChangeRow). */
export interface SeedChangeRow {
  hlc: string;
  device: string;
  table: 'organisations';
  rowId: string;
  fields: Record<string, unknown>;
}

export interface SeedData {
  readonly seed: number;
  readonly records: Organisation[];
  readonly changes: SeedChangeRow[];
  /** The clock state after the last write, as the write path stores it in meta under 'clock'. */
  readonly clock: HlcState;
}

/** UUIDv7 as src/domain/ids.ts newId builds it, with seeded random bits. */
export function seededId(now: number, rng: Prng): string {
  const bytes = randomBytes(rng, 16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  if (!ID_PATTERN.test(id)) throw new Error(`generated id ${id} does not match ID_PATTERN`);
  return id;
}

function seededDeviceId(rng: Prng): string {
  return Array.from(randomBytes(rng, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- Name material, per country. Pairs are [English/Latin, local script]. ----

const BRAND_SYLLABLES = [
  'van',
  'tor',
  'kel',
  'mi',
  'ra',
  'lo',
  'sen',
  'dar',
  'vi',
  'no',
  'ta',
  'quin',
  'bel',
  'lu',
  'mar',
  'ex',
  'ion',
  'ter',
  'ro',
  'ka',
  'sa',
  'zen',
  'or',
  'fi',
];
/** Accented syllables, so sort keys and search folding see real diacritics. */
const ACCENTED_SYLLABLES = ['é', 'ö', 'ü', 'ç', 'å', 'ñ', 'ø', 'ä', 'è', 'ô'];

const WESTERN: Record<string, { cities: readonly string[]; fields: readonly string[]; forms: readonly string[] }> = {
  DE: {
    cities: ['Berlin', 'München', 'Köln', 'Düsseldorf', 'Frankfurt am Main', 'Nürnberg', 'Hamburg', 'Stuttgart'],
    fields: [
      'Präzisionstechnik',
      'Medizintechnik',
      'Logistik',
      'Energietechnik',
      'Lebensmittel',
      'Software',
      'Gerätebau',
    ],
    forms: ['GmbH', 'AG', 'GmbH & Co. KG', 'SE'],
  },
  GB: {
    cities: ['London', 'Manchester', 'Cambridge', 'Oxford', 'Edinburgh', 'Bristol', 'Leeds'],
    fields: ['Biosciences', 'Analytics', 'Engineering', 'Foods', 'Digital', 'Health', 'Systems'],
    forms: ['Ltd', 'plc', 'Holdings Ltd', 'LLP'],
  },
  US: {
    cities: ['New York', 'Boston', 'San José', 'Austin', 'Chicago', 'Seattle', 'Raleigh', 'San Diego'],
    fields: ['Therapeutics', 'Robotics', 'Cloud', 'AgTech', 'Mobility', 'Materials', 'Networks'],
    forms: ['Inc.', 'LLC', 'Corp.', 'Labs Inc.'],
  },
  CA: {
    cities: ['Toronto', 'Montréal', 'Québec', 'Vancouver', 'Ottawa', 'Trois-Rivières', 'Calgary'],
    fields: ['Technologies', 'Énergie', 'Santé', 'Aérospatiale', 'Foods', 'Clean Tech', 'Data'],
    forms: ['Inc.', 'Ltée', 'Corp.', 'S.E.C.'],
  },
  IN: {
    cities: ['Bengaluru', 'Pune', 'Hyderabad', 'Chennai', 'Mumbai', 'New Delhi', 'Ahmedabad'],
    fields: ['Infotech', 'Life Sciences', 'Agro', 'Engineering', 'Pharma', 'Solar', 'Logistics'],
    forms: ['Pvt. Ltd.', 'Ltd.', 'LLP'],
  },
};

/** Taiwan: traditional Chinese local names (zh-Hant). */
const TW = {
  cities: [
    ['Taipei', '臺北'],
    ['Hsinchu', '新竹'],
    ['Taichung', '臺中'],
    ['Kaohsiung', '高雄'],
    ['Tainan', '臺南'],
    ['Taoyuan', '桃園'],
  ],
  brand: [
    ['Hua', '華'],
    ['Tai', '泰'],
    ['Hsin', '信'],
    ['Kuo', '國'],
    ['Yuan', '遠'],
    ['Chung', '中'],
    ['Fu', '富'],
    ['Lung', '隆'],
    ['Ming', '明'],
    ['Sheng', '昇'],
    ['Wei', '偉'],
    ['Chen', '辰'],
    ['Kai', '凱'],
    ['Jui', '瑞'],
    ['Yu', '宇'],
    ['Tung', '東'],
    ['Hung', '鴻'],
    ['Li', '力'],
    ['Te', '德'],
    ['Yi', '億'],
    ['Kuang', '廣'],
    ['Feng', '豐'],
  ],
  fields: [
    ['Precision', '精密'],
    ['Semiconductor', '半導體'],
    ['Biomedical', '生醫'],
    ['Optoelectronics', '光電'],
    ['Green Energy', '綠能'],
    ['Smart Systems', '智慧系統'],
    ['Machinery', '機械'],
    ['Materials', '材料'],
  ],
  forms: [
    ['Technology Co., Ltd.', '科技股份有限公司'],
    ['Industrial Corp.', '工業股份有限公司'],
    ['Co., Ltd.', '有限公司'],
  ],
} as const;

/** China: simplified Chinese local names (zh-Hans). */
const CN = {
  cities: [
    ['Shanghai', '上海'],
    ['Shenzhen', '深圳'],
    ['Hangzhou', '杭州'],
    ['Suzhou', '苏州'],
    ['Beijing', '北京'],
    ['Chengdu', '成都'],
  ],
  brand: [
    ['Hua', '华'],
    ['Xin', '新'],
    ['Tian', '天'],
    ['Yu', '宇'],
    ['Sheng', '盛'],
    ['Kang', '康'],
    ['Rui', '瑞'],
    ['Bo', '博'],
    ['Hai', '海'],
    ['Long', '龙'],
    ['Jin', '金'],
    ['Da', '达'],
  ],
  fields: [
    ['Biotech', '生物科技'],
    ['Intelligent Manufacturing', '智能制造'],
    ['New Energy', '新能源'],
    ['Electronics', '电子'],
    ['Medical', '医疗'],
  ],
  forms: [
    ['Co., Ltd.', '有限公司'],
    ['Group Co., Ltd.', '集团有限公司'],
  ],
} as const;

/** Japan: Japanese local names (ja). */
const JP = {
  cities: [
    ['Tokyo', '東京'],
    ['Osaka', '大阪'],
    ['Nagoya', '名古屋'],
    ['Yokohama', '横浜'],
    ['Kyoto', '京都'],
    ['Fukuoka', '福岡'],
  ],
  brand: [
    ['Sakura', 'さくら'],
    ['Midori', 'みどり'],
    ['Hikari', 'ひかり'],
    ['Asahi', '旭'],
    ['Fuji', '富士'],
    ['Yamato', '大和'],
    ['Kita', '北'],
    ['Minami', '南'],
  ],
  fields: [
    ['Precision', '精密'],
    ['Medical', '医療'],
    ['Electronics', '電子'],
    ['Foods', '食品'],
    ['Robotics', 'ロボティクス'],
  ],
  forms: [
    ['Co., Ltd.', '株式会社'],
    ['Corporation', '工業株式会社'],
  ],
} as const;

const SECTORS = [
  'Life sciences & health',
  'Digital infrastructure',
  'Agrifood',
  'Energy transition',
  'Logistics',
  'Creative industries',
  'Smart mobility',
  'Education & research',
  'Circular economy',
  'Sustainable building',
];

const SENTENCES = [
  'Met the team at the Hannover Messe; interested in a pilot with Utrecht Science Park.',
  'Looking for a European distribution hub; shortlisted the Netherlands and Belgium.',
  'R&D centre of about 120 engineers; works with universities on medical imaging.',
  'Family-owned, third generation. Prefers a personal introduction over e-mail.',
  'Exports to 14 countries; no European entity yet.',
  'Follow up after the webinar on the Dutch innovation box.',
  'Contact via the consulate; decision expected before the end of the fiscal year.',
  'Key supplier for two of our regional champions; strong interest in co-development.',
  'Wants to understand labour market and housing for expats in the region.',
  'Spin-off of a national research institute, Series B funded.',
];

const KINDS: readonly (readonly [(typeof ORGANISATION_KINDS)[number], number])[] = [
  ['company', 80],
  ['knowledge_institution', 8],
  ['government', 5],
  ['network', 4],
  ['other', 3],
];

function capitalise(value: string): string {
  return value.charAt(0).toLocaleUpperCase('en') + value.slice(1);
}

/** An invented brand of 2–3 syllables, sometimes with an accented letter. */
function latinBrand(rng: Prng): string {
  const parts = Array.from({ length: rng.int(2, 3) }, () => rng.pick(BRAND_SYLLABLES));
  if (rng.chance(0.15)) parts.splice(rng.int(1, parts.length), 0, rng.pick(ACCENTED_SYLLABLES));
  return capitalise(parts.join(''));
}

function slug(value: string): string {
  return foldForSearch(value).replace(/[^a-z0-9]+/g, '');
}

interface RawOrganisation {
  name: string;
  localName: string;
  localNameLang: string;
  kind: string;
  countryCode: string;
  city: string;
  sector: string;
  website: string;
  description: string;
}

function rawOrganisation(rng: Prng): RawOrganisation {
  const countryCode = rng.pick(FOCUS_COUNTRIES).code;
  const kind = rng.weighted(KINDS);
  let name: string;
  let localName = '';
  let localNameLang = '';
  let city: string;
  let webName: string;

  const asian = countryCode === 'TW' ? TW : countryCode === 'CN' ? CN : countryCode === 'JP' ? JP : undefined;
  if (asian) {
    const [cityEn, cityLocal] = rng.pick<readonly [string, string]>(asian.cities);
    const brand = [rng.pick<readonly [string, string]>(asian.brand), rng.pick<readonly [string, string]>(asian.brand)];
    const [fieldEn, fieldLocal] = rng.pick<readonly [string, string]>(asian.fields);
    const [formEn, formLocal] = rng.pick<readonly [string, string]>(asian.forms);
    const brandEn = capitalise(brand.map(([latin]) => latin.toLowerCase()).join(''));
    const brandLocal = brand.map(([, local]) => local).join('');
    const withCity = rng.chance(0.4);
    name = `${withCity ? `${cityEn} ` : ''}${brandEn} ${fieldEn} ${formEn}`;
    if (rng.chance(0.8)) {
      localName = `${withCity ? cityLocal : ''}${brandLocal}${fieldLocal}${formLocal}`;
      localNameLang = countryCode === 'TW' ? 'zh-Hant' : countryCode === 'CN' ? 'zh-Hans' : 'ja';
    }
    city = cityEn;
    webName = brandEn;
  } else {
    const country = WESTERN[countryCode];
    if (!country) throw new Error(`no name material for ${countryCode}`);
    const brand = latinBrand(rng);
    name = `${brand} ${rng.pick(country.fields)} ${rng.pick(country.forms)}`;
    city = rng.pick(country.cities);
    webName = brand;
  }
  if (kind === 'knowledge_institution') name = `${name.split(' ')[0] ?? name} Institute of Applied Research`;
  if (kind === 'government') name = `${city} Economic Development Board ${rng.int(1, 99)}`;
  if (kind === 'network') name = `${latinBrand(rng)} ${rng.pick(SECTORS)} Cluster`;

  const description = rng.chance(0.3) ? '' : Array.from({ length: rng.int(1, 3) }, () => rng.pick(SENTENCES)).join(' ');
  return {
    // Untrimmed on purpose now and then: the schema trims, as it does for user input.
    name: rng.chance(0.02) ? ` ${name} ` : name,
    localName,
    localNameLang,
    kind,
    countryCode,
    city: rng.chance(0.9) ? city : '',
    sector: rng.chance(0.85) ? rng.pick(SECTORS) : '',
    website: rng.chance(0.7) ? `https://www.${slug(webName)}${rng.int(1, 999)}.example.com` : '',
    description,
  };
}

/**
 * `count` organisations as the write path would have stored them after `count` creates, in
 * creation order, with their change-log rows and the resulting clock.
 */
export function generateOrganisations(count: number, seed: number = DEFAULT_SEED): SeedData {
  const rng = mulberry32(seed);
  let clock = initialClock(seededDeviceId(rng));
  const records: Organisation[] = [];
  const changes: SeedChangeRow[] = [];
  const sortKeyOf = ENTITIES.organisations.sortKey;
  if (!sortKeyOf) throw new Error('organisations have no sort key in ENTITIES');

  for (let i = 0; i < count; i++) {
    // Callers of the write path validate first; the write path stores the parsed fields.
    const fields = OrganisationFields.parse(rawOrganisation(rng));
    const wall = SEED_BASE_TIME + Math.floor(i / WRITES_PER_MS);
    const id = seededId(wall, rng);

    // As inWriteTransaction does for a put of a record that did not exist yet.
    clock = tick(clock, wall);
    const stamp = formatHlc(clock);
    const at = new Date(wall).toISOString();
    const userFields: Record<string, unknown> = { ...fields, deleted: 0 };
    const stamps: Record<string, string> = {};
    for (const field of Object.keys(userFields)) stamps[field] = stamp;

    const record: Organisation = {
      ...fields,
      id,
      createdAt: at,
      updatedAt: at,
      deleted: 0,
      stamps,
      hlc: stamp,
      sortKey: sortKeyOf(fields),
    };
    RecordMeta.parse(record);
    records.push(record);
    changes.push({ hlc: stamp, device: clock.device, table: 'organisations', rowId: id, fields: userFields });
  }
  return { seed, records, changes, clock };
}
