import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { IsoDate } from './common';
import { requiredText, text } from '../text';

/** A business-intelligence note about a country; the country briefing of a mission is drawn from these. */
export const IntelligenceNoteFields = z.object({
  countryCode: z.string().regex(COUNTRY_CODE),
  title: requiredText(200),
  /** Markdown. */
  body: text(50_000),
  source: text(500).default(''),
  reviewBy: z.union([z.literal(''), IsoDate]).default(''),
});
export type IntelligenceNoteFields = z.infer<typeof IntelligenceNoteFields>;
