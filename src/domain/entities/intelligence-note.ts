import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { Id, IsoDate } from './common';
import { requiredText, text } from '../text';
import { WebUrl } from './links';
import { SECTORS } from './mission';

export const RELIABILITIES = ['', 'confirmed', 'likely', 'possible', 'doubtful'] as const;

/** A business-intelligence note; the country briefing of a mission is drawn from these. */
export const IntelligenceNoteFields = z.object({
  title: requiredText(200),
  /** Markdown. */
  body: text(50_000),
  /** The document or publication it comes from. */
  source: text(500).default(''),
  sourceUrl: z.union([z.literal(''), WebUrl]).default(''),
  sourceDate: z.union([z.literal(''), IsoDate]).default(''),
  reliability: z.enum(RELIABILITIES).default(''),
  reviewBy: z.union([z.literal(''), IsoDate]).default(''),
  /** Tags: the countries, sectors and organisations the note is about. */
  countryCodes: z.array(z.string().regex(COUNTRY_CODE)).max(20).default([]),
  sectors: z.array(z.enum(SECTORS)).max(SECTORS.length).default([]),
  organisationIds: z.array(Id).max(100).default([]),
});
export type IntelligenceNoteFields = z.infer<typeof IntelligenceNoteFields>;
