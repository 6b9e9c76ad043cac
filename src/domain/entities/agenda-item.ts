import { z } from 'zod';
import { Id, IsoInstant } from './common';
import { isValidZone } from '../time';
import { requiredText, text } from '../text';

export const AGENDA_KINDS = ['meeting', 'visit', 'reception', 'seminar', 'travel', 'briefing'] as const;

/** One agenda entry abroad: instants in UTC plus the IANA zone of the place. */
export const AgendaItemFields = z
  .object({
    missionId: Id,
    title: requiredText(200),
    kind: z.enum(AGENDA_KINDS),
    start: IsoInstant,
    end: IsoInstant,
    timeZone: z.string().refine(isValidZone, 'unknown time zone'),
    location: text(300).default(''),
    city: text(100).default(''),
    organisationId: z.union([z.literal(''), Id]).default(''),
    participantIds: z.array(Id).max(50).default([]),
    notes: text(5000).default(''),
  })
  .refine((item) => item.end >= item.start, { message: 'ends before it starts', path: ['end'] });
export type AgendaItemFields = z.infer<typeof AgendaItemFields>;
