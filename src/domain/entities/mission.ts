import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { isValidZone } from '../time';
import { requiredText, text } from '../text';
import { Id, IsoDate, OptionalId } from './common';

export const MISSION_STATUSES = [
  'idea',
  'assessed',
  'approved',
  'in_preparation',
  'ready',
  'under_way',
  'completed',
  'reported',
] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];
export const MISSION_KINDS = ['trade', 'invest', 'trade_invest'] as const;
export const SECTORS = ['life_sciences_health', 'ict', 'gaming', 'innovation_sustainability'] as const;
export const CLASSIFICATIONS = ['', 'internal', 'confidential'] as const;

/** The four questions of the guideline (leidraad) asked of every new mission. */
export const GUIDELINE_QUESTIONS = ['A', 'B', 'C', 'D'] as const;
export const GUIDELINE_ANSWERS = ['', 'yes', 'partly', 'no'] as const;

const GuidelineAnswer = z.object({
  answer: z.enum(GUIDELINE_ANSWERS).default(''),
  rationale: text(2000).default(''),
});
export type GuidelineAnswer = z.infer<typeof GuidelineAnswer>;

/** An assessment nobody has started: every answer open. */
export function emptyAssessment(): GuidelineAssessment {
  const open = (): GuidelineAnswer => ({ answer: '', rationale: '' });
  return { answers: { A: open(), B: open(), C: open(), D: open() }, advice: '' };
}

export const GuidelineAssessment = z.object({
  answers: z.object({ A: GuidelineAnswer, B: GuidelineAnswer, C: GuidelineAnswer, D: GuidelineAnswer }),
  advice: text(5000).default(''),
});
export type GuidelineAssessment = z.infer<typeof GuidelineAssessment>;

/** Amounts in euro cents: integers, so sums never drift. */
const Cents = z.number().int().min(0).max(1_000_000_000_00).nullable().default(null);

export const MissionFields = z
  .object({
    title: requiredText(200),
    /** Destination countries; the first is the main destination. */
    countryCodes: z.array(z.string().regex(COUNTRY_CODE)).min(1).max(10),
    cities: z.array(requiredText(100)).max(20),
    /** IANA zone of the main destination, the default for new agenda items. */
    timeZone: z.string().refine(isValidZone, 'unknown time zone'),
    startDate: IsoDate,
    endDate: IsoDate,
    status: z.enum(MISSION_STATUSES),
    /** Why the status last moved back, or why approval was overridden. */
    statusReason: text(1000).default(''),
    kind: z.enum(MISSION_KINDS),
    sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
    purpose: text(5000),
    leadPersonId: OptionalId,
    coordinatorPersonId: OptionalId,
    partners: z.array(requiredText(100)).max(20).default([]),
    plannedBudgetCents: Cents,
    actualBudgetCents: Cents,
    assessment: GuidelineAssessment.default(emptyAssessment),
    /** Set when the mission was approved without a completed assessment: the reason is recorded. */
    approvalOverrideReason: text(1000).default(''),
    /** Minimum minutes between items at different places, for the travel-time check. */
    travelBufferMinutes: z.number().int().min(0).max(600).default(30),
    archived: z.boolean().default(false),
    /** What the mission achieved; cleared when the mission is duplicated as a template. */
    outcome: text(10_000).default(''),
    classification: z.enum(CLASSIFICATIONS).default('internal'),
    /**
     * The country briefing of the book, when the user adjusted it: the notes and country-sheet
     * sections in order. Null means "as proposed" (from the mission's countries, sectors, targets).
     */
    briefingSelection: z
      .array(
        z.object({
          kind: z.enum(['note', 'sheet']),
          /** The note's id, or the country sheet's id. */
          id: Id,
          /** For a sheet: which part ('plan', 'contacts', 'practical'); empty for a note. */
          section: z.enum(['', 'plan', 'contacts', 'practical']).default(''),
        }),
      )
      .max(200)
      .nullable()
      .default(null),
  })
  .refine((mission) => mission.endDate >= mission.startDate, {
    message: 'end date before start date',
    path: ['endDate'],
  })
  .refine((mission) => new Set(mission.countryCodes).size === mission.countryCodes.length, {
    message: 'a country is listed twice',
    path: ['countryCodes'],
  });
export type MissionFields = z.infer<typeof MissionFields>;
