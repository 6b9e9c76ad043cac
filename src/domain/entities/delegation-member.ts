import { z } from 'zod';
import { Id } from './common';
import { text } from '../text';

export const DELEGATION_ROLES = ['head', 'administrator', 'official', 'support', 'company'] as const;

/** A person's place in one mission's delegation; the person lives in the registry. */
export const DelegationMemberFields = z.object({
  missionId: Id,
  personId: Id,
  role: z.enum(DELEGATION_ROLES),
  travelNotes: text(2000).default(''),
});
export type DelegationMemberFields = z.infer<typeof DelegationMemberFields>;
