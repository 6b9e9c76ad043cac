/**
 * The team's template of preparation tasks that every new mission starts with. Kept on the device
 * (the `meta` table) and editable in Settings; until someone edits it, the built-in one applies.
 */
import { z } from 'zod';
import { AppError, issuesFromZod } from '../domain/errors';
import { requiredText } from '../domain/text';
import type { MissionDb } from './database';

const KEY = 'tasks:template';

export const TaskTemplate = z
  .array(z.object({ title: requiredText(200), daysBeforeDeparture: z.number().int().min(-60).max(365) }))
  .max(100);
export type TaskTemplate = z.infer<typeof TaskTemplate>;

/** The built-in template, in both languages. */
const BUILT_IN: readonly { nl: string; en: string; days: number }[] = [
  { nl: 'Visa en uitnodigingsbrieven', en: 'Visas and invitation letters', days: 60 },
  { nl: 'Hotel en vervoer', en: 'Hotel and transport', days: 45 },
  { nl: 'Tolk', en: 'Interpreter', days: 30 },
  { nl: 'Relatiegeschenken volgens protocol', en: 'Gifts according to protocol', days: 21 },
  { nl: 'Persbericht en sociale media', en: 'Press release and social media', days: 10 },
  { nl: 'Briefing met de bestuurder', en: 'Briefing with the administrator', days: 5 },
  { nl: 'Briefingboek uitgegeven', en: 'Briefing book issued', days: 3 },
];

export function builtInTaskTemplate(language: 'nl' | 'en'): TaskTemplate {
  return BUILT_IN.map((task) => ({ title: task[language], daysBeforeDeparture: task.days }));
}

/** The template in force: the team's own when saved and still valid, else the built-in one. */
export async function readTaskTemplate(db: MissionDb, language: 'nl' | 'en'): Promise<TaskTemplate> {
  const stored = TaskTemplate.safeParse((await db.meta.get(KEY))?.value);
  return stored.success ? stored.data : builtInTaskTemplate(language);
}

export async function saveTaskTemplate(db: MissionDb, template: unknown): Promise<TaskTemplate> {
  const parsed = TaskTemplate.safeParse(template);
  if (!parsed.success) {
    throw new AppError('errors.invalidInput', 'invalid task template', issuesFromZod(parsed.error.issues));
  }
  await db.meta.put({ key: KEY, value: parsed.data });
  return parsed.data;
}
