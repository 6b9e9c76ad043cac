import { z } from 'zod';
import { Id } from './common';
import { requiredText, text } from '../text';

/** A preparation task for the support team, due a number of days before departure. */
export const TaskFields = z.object({
  missionId: Id,
  title: requiredText(200),
  owner: text(100).default(''),
  /** Due this many days before the mission's start date (0 = on the day, negative = after). */
  daysBeforeDeparture: z.number().int().min(-60).max(365),
  done: z.boolean().default(false),
  /** Position in the list. */
  order: z.number().int().min(0).max(10_000).default(0),
});
export type TaskFields = z.infer<typeof TaskFields>;
