/** The "what changed" comparison of two issued books, on summaries a reader would recognise. */
import { describe, expect, it } from 'vitest';
import { diffSummaries, type BookSummary } from '../../src/book/book-summary';

const meeting = (id: string, start: string, title = `Meeting ${id}`, location = 'Taipei 101') => ({
  id,
  title,
  start,
  end: start.replace('T02', 'T03'),
  location,
});

const before: BookSummary = {
  meetings: [
    meeting('a', '2027-03-15T02:00:00.000Z'),
    meeting('b', '2027-03-16T02:00:00.000Z'),
    meeting('c', '2027-03-17T02:00:00.000Z'),
    meeting('d', '2027-03-18T02:00:00.000Z'),
  ],
  members: [
    { personId: 'p1', name: 'Anouk de Vries' },
    { personId: 'p2', name: '陳志明' },
  ],
};

describe('diffSummaries', () => {
  it('finds nothing between an issue and itself', () => {
    expect(diffSummaries(before, before)).toEqual({
      added: [],
      cancelled: [],
      changed: [],
      membersAdded: [],
      membersRemoved: [],
    });
  });

  it('tells added, cancelled, moved, renamed and relocated meetings and members apart', () => {
    const now: BookSummary = {
      meetings: [
        meeting('a', '2027-03-15T02:00:00.000Z'),
        meeting('b', '2027-03-16T04:00:00.000Z'),
        meeting('c', '2027-03-17T02:00:00.000Z', 'Meeting c, renamed'),
        meeting('d', '2027-03-18T02:00:00.000Z', 'Meeting d', 'Hsinchu Science Park'),
        meeting('e', '2027-03-19T02:00:00.000Z'),
      ],
      members: [
        { personId: 'p2', name: '陳志明' },
        { personId: 'p3', name: '김민준' },
      ],
    };
    const diff = diffSummaries(before, now);
    expect(diff.added.map((m) => m.id)).toEqual(['e']);
    expect(diff.cancelled).toEqual([]);
    expect(diff.changed.map((c) => [c.now.id, c.before.start])).toEqual([
      ['b', '2027-03-16T02:00:00.000Z'],
      ['c', '2027-03-17T02:00:00.000Z'],
      ['d', '2027-03-18T02:00:00.000Z'],
    ]);
    expect(diff.membersAdded).toEqual(['김민준']);
    expect(diff.membersRemoved).toEqual(['Anouk de Vries']);
    expect(diffSummaries(now, before).cancelled.map((m) => m.id)).toEqual(['e']);
  });
});
