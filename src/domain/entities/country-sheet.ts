import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { Id } from './common';
import { requiredText, text } from '../text';
import { SECTORS } from './mission';

export const COUNTRY_FOCUS = ['', 'trade', 'invest', 'trade_invest'] as const;
export const KEY_CONTACT_KINDS = ['embassy', 'consulate', 'nbso', 'chamber', 'other'] as const;

const KeyContact = z.object({
  kind: z.enum(KEY_CONTACT_KINDS),
  name: requiredText(200),
  phone: text(50).default(''),
  email: z.union([z.literal(''), z.email()]).default(''),
  address: text(500).default(''),
});

/**
 * A country sheet (landenfiche): the country team's yearly plan and the practical facts every
 * mission to the country needs. One per country.
 */
export const CountrySheetFields = z.object({
  countryCode: z.string().regex(COUNTRY_CODE),
  focus: z.enum(COUNTRY_FOCUS).default(''),
  prioritySectors: z.array(z.enum(SECTORS)).max(SECTORS.length).default([]),
  planYear: z.number().int().min(2000).max(2100).nullable().default(null),
  goals: text(10_000).default(''),
  plannedActivities: text(10_000).default(''),
  jobTarget: z.number().int().min(0).max(1_000_000).nullable().default(null),
  /** Staff of the country team, from the people registry. */
  teamPersonIds: z.array(Id).max(20).default([]),
  keyContacts: z.array(KeyContact).max(50).default([]),
  timeZones: z.array(requiredText(64)).max(10).default([]),
  currency: text(50).default(''),
  languages: text(200).default(''),
  etiquette: text(10_000).default(''),
  visa: text(5000).default(''),
  travelAdvice: text(5000).default(''),
  emergencyNumbers: text(1000).default(''),
});
export type CountrySheetFields = z.infer<typeof CountrySheetFields>;
