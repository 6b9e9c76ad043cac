import { z } from 'zod';
import { Id } from './common';
import { text } from '../text';

/** An organisation the mission means to meet, with why. */
export const TargetFields = z.object({
  missionId: Id,
  organisationId: Id,
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  objective: text(2000).default(''),
});
export type TargetFields = z.infer<typeof TargetFields>;
