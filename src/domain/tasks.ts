/** Preparation tasks: a due date counted back from departure, and overdue when missed. */
import { addDays } from './time';

export function dueDate(missionStartDate: string, daysBeforeDeparture: number): string {
  return addDays(missionStartDate, -daysBeforeDeparture);
}

export function isOverdue(
  task: { done: boolean; daysBeforeDeparture: number },
  missionStartDate: string,
  today: string,
) {
  return !task.done && dueDate(missionStartDate, task.daysBeforeDeparture) < today;
}
