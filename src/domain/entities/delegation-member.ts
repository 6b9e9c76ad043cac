import { z } from 'zod';
import { Id, IsoInstant } from './common';
import { isValidZone } from '../time';
import { text } from '../text';

export const DELEGATION_ROLES = ['head', 'administrator', 'official', 'company', 'support'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];
export const TRAVEL_MODES = ['', 'flight', 'train', 'car', 'other'] as const;

const OptionalInstant = z.union([z.literal(''), IsoInstant]).default('');
const OptionalZone = z.union([z.literal(''), z.string().refine(isValidZone, 'unknown time zone')]).default('');

/** A person's place in one mission's delegation; the person lives in the registry. */
export const DelegationMemberFields = z
  .object({
    missionId: Id,
    personId: Id,
    role: z.enum(DELEGATION_ROLES),
    arrivalMode: z.enum(TRAVEL_MODES).default(''),
    /** Flight or train number. */
    arrivalNumber: text(30).default(''),
    arrivalAt: OptionalInstant,
    arrivalTimeZone: OptionalZone,
    departureMode: z.enum(TRAVEL_MODES).default(''),
    departureNumber: text(30).default(''),
    departureAt: OptionalInstant,
    departureTimeZone: OptionalZone,
    hotel: text(300).default(''),
    travelNotes: text(2000).default(''),
  })
  .refine((m) => !m.arrivalAt || !m.departureAt || m.departureAt >= m.arrivalAt, {
    message: 'departs before arriving',
    path: ['departureAt'],
  })
  .refine((m) => !m.arrivalAt || m.arrivalTimeZone !== '', { message: 'required', path: ['arrivalTimeZone'] })
  .refine((m) => !m.departureAt || m.departureTimeZone !== '', { message: 'required', path: ['departureTimeZone'] });
export type DelegationMemberFields = z.infer<typeof DelegationMemberFields>;
