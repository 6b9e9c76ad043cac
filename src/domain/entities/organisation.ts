import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { requiredText, text } from '../text';
import { WebUrl } from './links';
import { SECTORS } from './mission';

export const ORGANISATION_KINDS = ['company', 'knowledge_institution', 'government', 'network', 'other'] as const;
export const RELATIONSHIPS = ['', 'prospect', 'lead', 'active_project', 'investor', 'trade_partner'] as const;

export const OrganisationFields = z.object({
  name: requiredText(200),
  /** The name in its own script (e.g. traditional Chinese), shown beside the English name. */
  localName: text(200).default(''),
  /** BCP 47 tag of localName, so the right font and reading order are used. */
  localNameLang: z.union([z.literal(''), z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)]).default(''),
  kind: z.enum(ORGANISATION_KINDS),
  countryCode: z.string().regex(COUNTRY_CODE),
  city: text(100).default(''),
  /** The team's focus sectors this organisation belongs to. */
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length).default([]),
  /** Its own line of business in free words ("semiconductors"), finer than the focus sectors. */
  industry: text(100).default(''),
  website: z.union([z.literal(''), WebUrl]).default(''),
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
  revenueEur: z.number().min(0).max(1e13).nullable().default(null),
  description: text(5000).default(''),
  /** The organisation's relationship to the region. */
  relationship: z.enum(RELATIONSHIPS).default(''),
});
export type OrganisationFields = z.infer<typeof OrganisationFields>;
