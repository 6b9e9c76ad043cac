import { describe, expect, it } from 'vitest';
import { dueDate, isOverdue } from '../../../src/domain/tasks';

describe('preparation tasks', () => {
  it('are due a number of days before departure, across month ends', () => {
    expect(dueDate('2027-03-16', 21)).toBe('2027-02-23');
    expect(dueDate('2027-03-16', 0)).toBe('2027-03-16');
    expect(dueDate('2027-03-16', -2)).toBe('2027-03-18');
  });
  it('are overdue only when missed and not done', () => {
    const task = { done: false, daysBeforeDeparture: 21 };
    expect(isOverdue(task, '2027-03-16', '2027-02-23')).toBe(false);
    expect(isOverdue(task, '2027-03-16', '2027-02-24')).toBe(true);
    expect(isOverdue({ ...task, done: true }, '2027-03-16', '2027-03-01')).toBe(false);
  });
});
