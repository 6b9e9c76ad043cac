import { z } from 'zod';
import { Id, IsoInstant, OptionalId } from './common';
import { isValidZone } from '../time';
import { requiredText, text } from '../text';
import { HttpsUrl } from './links';

export const AGENDA_KINDS = [
  'meeting',
  'visit',
  'seminar',
  'reception',
  'meal',
  'travel',
  'briefing',
  'free_time',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

/** One agenda entry abroad: instants in UTC plus the IANA zone of the place. */
export const AgendaItemFields = z
  .object({
    missionId: Id,
    title: requiredText(200),
    kind: z.enum(AGENDA_KINDS),
    start: IsoInstant,
    end: IsoInstant,
    timeZone: z.string().refine(isValidZone, 'unknown time zone'),
    /** The place's name (a hotel, a company's office). */
    location: text(300).default(''),
    address: text(500).default(''),
    city: text(100).default(''),
    mapsUrl: z.union([z.literal(''), HttpsUrl]).default(''),
    /** The counterpart organisation. */
    organisationId: OptionalId,
    /** The counterpart's people met (from the people registry). */
    contactIds: z.array(Id).max(50).default([]),
    /** Who of the delegation takes part; empty means the whole delegation. */
    participantIds: z.array(Id).max(50).default([]),
    objective: text(5000).default(''),
    talkingPoints: text(10_000).default(''),
    background: text(10_000).default(''),
    transport: text(1000).default(''),
    dressCode: text(200).default(''),
    notes: text(5000).default(''),
    /** What came of it; cleared when the mission is duplicated as a template. */
    outcome: text(10_000).default(''),
  })
  .refine((item) => item.end >= item.start, { message: 'ends before it starts', path: ['end'] });
export type AgendaItemFields = z.infer<typeof AgendaItemFields>;
