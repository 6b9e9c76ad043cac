import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { requiredText, text } from '../text';

export const ORGANISATION_KINDS = ['company', 'government', 'knowledge_institution', 'network', 'other'] as const;

export const OrganisationFields = z.object({
  name: requiredText(200),
  /** The name in its own script (e.g. traditional Chinese), shown beside the English name. */
  localName: text(200).default(''),
  /** BCP 47 tag of localName, so the right font and reading order are used. */
  localNameLang: z.union([z.literal(''), z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)]).default(''),
  kind: z.enum(ORGANISATION_KINDS),
  countryCode: z.string().regex(COUNTRY_CODE),
  city: text(100).default(''),
  sector: text(100).default(''),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).default(''),
  description: text(5000).default(''),
});
export type OrganisationFields = z.infer<typeof OrganisationFields>;
