import { describe, expect, it } from 'vitest';
import { countOverdue, isReviewOverdue, localToday, overdueFirst } from '../../../src/domain/note-review';

describe('note review', () => {
  it('flags a note only once its review-by date has passed', () => {
    expect(isReviewOverdue({ reviewBy: '2026-11-28' }, '2026-11-29')).toBe(true);
    expect(isReviewOverdue({ reviewBy: '2025-01-01' }, '2026-11-29')).toBe(true);
    // Due today is not yet overdue.
    expect(isReviewOverdue({ reviewBy: '2026-11-29' }, '2026-11-29')).toBe(false);
    expect(isReviewOverdue({ reviewBy: '2027-01-01' }, '2026-11-29')).toBe(false);
  });

  it('never flags a note without a review date', () => {
    expect(isReviewOverdue({ reviewBy: '' }, '2026-11-29')).toBe(false);
    expect(isReviewOverdue({ reviewBy: 'soon' }, '2026-11-29')).toBe(false);
  });

  it('compares across month and year ends as calendar dates', () => {
    expect(isReviewOverdue({ reviewBy: '2026-12-31' }, '2027-01-01')).toBe(true);
    expect(isReviewOverdue({ reviewBy: '2026-02-28' }, '2026-03-01')).toBe(true);
  });

  it('counts the overdue notes of a list', () => {
    const notes = [
      { reviewBy: '2026-01-01' },
      { reviewBy: '' },
      { reviewBy: '2027-01-01' },
      { reviewBy: '2026-11-28' },
    ];
    expect(countOverdue(notes, '2026-11-29')).toBe(2);
    expect(countOverdue([], '2026-11-29')).toBe(0);
  });

  it('puts the overdue notes first, longest overdue first, and keeps the rest in order', () => {
    const notes = [
      { id: 'a', reviewBy: '' },
      { id: 'b', reviewBy: '2026-11-01' },
      { id: 'c', reviewBy: '2027-05-01' },
      { id: 'd', reviewBy: '2026-02-01' },
      { id: 'e', reviewBy: '2026-11-29' },
    ];
    expect(overdueFirst(notes, '2026-11-29').map((note) => note.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
    // The input is left as it was.
    expect(notes.map((note) => note.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("reads today's date on the device's own clock", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(localToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
