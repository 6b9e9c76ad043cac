import { z } from 'zod';
import { COUNTRY_CODE } from '../countries';
import { isValidZone } from '../time';
import { requiredText, text } from '../text';
import { IsoDate } from './common';

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
export const MISSION_KINDS = ['trade', 'invest', 'trade_invest'] as const;
export const SECTORS = ['life_sciences_health', 'ict', 'gaming', 'innovation_sustainability'] as const;

export const MissionFields = z
  .object({
    title: requiredText(200),
    countryCode: z.string().regex(COUNTRY_CODE),
    cities: z.array(requiredText(100)).max(20),
    /** IANA zone of the main destination, the default for new agenda items. */
    timeZone: z.string().refine(isValidZone, 'unknown time zone'),
    startDate: IsoDate,
    endDate: IsoDate,
    status: z.enum(MISSION_STATUSES),
    kind: z.enum(MISSION_KINDS),
    sectors: z.array(z.enum(SECTORS)).max(SECTORS.length),
    purpose: text(5000),
  })
  .refine((mission) => mission.endDate >= mission.startDate, {
    message: 'end date before start date',
    path: ['endDate'],
  });
export type MissionFields = z.infer<typeof MissionFields>;
