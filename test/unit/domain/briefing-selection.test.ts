import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  addableEntries,
  briefingKey,
  moveEntry,
  proposeBriefing,
  resolveBriefing,
  toSelection,
  type BriefingCandidates,
  type BriefingNote,
  type BriefingSheet,
} from '../../../src/domain/briefing-selection';
import { CountrySheetFields } from '../../../src/domain/entities/country-sheet';

const ORG_TARGET = '01a30000-0000-7000-8000-0000000000a1';
const ORG_OTHER = '01a30000-0000-7000-8000-0000000000a2';
let seq = 0;
const id = () => `01a30000-0000-7000-8000-${String(++seq).padStart(12, '0')}`;

function note(fields: Partial<BriefingNote> & { title: string }): BriefingNote {
  return {
    id: id(),
    countryCodes: [],
    sectors: [],
    organisationIds: [],
    sourceDate: '',
    reviewBy: '',
    deleted: 0,
    ...fields,
  };
}

function sheet(fields: z.input<typeof CountrySheetFields>): BriefingSheet {
  return { id: id(), deleted: 0, ...CountrySheetFields.parse(fields) };
}

const mission = { countryCodes: ['TW', 'JP'], sectors: ['ict' as const] };
const targets = [{ organisationId: ORG_TARGET }];

function candidates(
  notes: BriefingNote[],
  countrySheets: BriefingSheet[] = [],
): BriefingCandidates<BriefingNote, BriefingSheet> {
  return { mission, targets, notes, countrySheets, today: '2027-03-01' };
}

const titles = (entries: readonly { kind: string; id: string; section: string }[], all: BriefingNote[]) =>
  entries.map((e) => (e.kind === 'note' ? all.find((n) => n.id === e.id)?.title : `sheet ${e.section}`));

describe('proposeBriefing', () => {
  const countryOld = note({ title: 'Taiwan old', countryCodes: ['TW'], sourceDate: '2025-01-01' });
  const countryNew = note({ title: 'Taiwan new', countryCodes: ['TW'], sourceDate: '2026-09-01' });
  const countryUndated = note({ title: 'Taiwan undated', countryCodes: ['TW'] });
  const sectorMatch = note({ title: 'Japan ICT', countryCodes: ['JP'], sectors: ['ict'], sourceDate: '2024-01-01' });
  const sectorOther = note({
    title: 'Taiwan gaming',
    countryCodes: ['TW'],
    sectors: ['gaming'],
    sourceDate: '2026-12-01',
  });
  const aboutTarget = note({ title: 'About the target', countryCodes: ['DE'], organisationIds: [ORG_TARGET] });
  const unrelated = note({ title: 'Germany', countryCodes: ['DE'], organisationIds: [ORG_OTHER] });
  const deleted = note({ title: 'Deleted', countryCodes: ['TW'], deleted: 1 });
  const overdue = note({ title: 'Overdue', countryCodes: ['TW'], reviewBy: '2027-02-28', sourceDate: '2020-01-01' });
  const all = [
    countryOld,
    countryNew,
    countryUndated,
    sectorMatch,
    sectorOther,
    aboutTarget,
    unrelated,
    deleted,
    overdue,
  ];

  it('ranks target notes, then country + sector, then country; newest source first, undated last', () => {
    const entries = proposeBriefing(candidates(all));
    expect(titles(entries, all)).toEqual([
      'About the target',
      'Japan ICT',
      'Taiwan gaming',
      'Taiwan new',
      'Taiwan old',
      'Overdue',
      'Taiwan undated',
    ]);
  });

  it('leaves out deleted notes and notes about neither the countries nor the targets', () => {
    const ids = proposeBriefing(candidates(all)).map((e) => e.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(unrelated.id);
  });

  it('still proposes a note past its review date, marked; a note due today is not overdue', () => {
    const dueToday = note({ title: 'Due today', countryCodes: ['TW'], reviewBy: '2027-03-01' });
    const entries = proposeBriefing(candidates([overdue, dueToday]));
    // Dated before undated: the overdue note keeps its place by its source date.
    expect(entries.map((e) => (e.kind === 'note' ? [e.note.title, e.reviewOverdue] : null))).toEqual([
      ['Overdue', true],
      ['Due today', false],
    ]);
  });

  it('puts the sheet sections with content first, per mission country in the mission’s order', () => {
    const japan = sheet({ countryCode: 'JP', currency: 'JPY', keyContacts: [{ kind: 'embassy', name: 'Embassy' }] });
    const taiwan = sheet({ countryCode: 'TW', goals: 'Ten new leads', emergencyNumbers: '110 / 119' });
    const germany = sheet({ countryCode: 'DE', goals: 'Not this mission' });
    const empty = sheet({ countryCode: 'TW' });
    const entries = proposeBriefing(candidates([countryNew], [japan, germany, taiwan]));
    expect(entries.map((e) => (e.kind === 'sheet' ? `${e.sheet.countryCode} ${e.section}` : e.id))).toEqual([
      'TW plan',
      'TW practical',
      'JP contacts',
      'JP practical',
      countryNew.id,
    ]);
    // A sheet with nothing filled in proposes nothing.
    expect(proposeBriefing(candidates([], [empty]))).toEqual([]);
  });
});

describe('resolveBriefing', () => {
  const a = note({ title: 'A', countryCodes: ['TW'], sourceDate: '2026-01-01' });
  const b = note({ title: 'B', countryCodes: ['TW'], sourceDate: '2025-01-01' });
  const c = note({ title: 'C', countryCodes: ['TW'], sourceDate: '2024-01-01' });
  const taiwan = sheet({ countryCode: 'TW', goals: 'Goals' });

  it('null is the proposal', () => {
    const input = candidates([a, b, c], [taiwan]);
    expect(resolveBriefing(null, input)).toEqual(proposeBriefing(input));
  });

  it('a stored list is shown in its own order, with only what it names', () => {
    const selection = toSelection([
      { kind: 'note', id: c.id, section: '' },
      { kind: 'sheet', id: taiwan.id, section: 'practical' },
      { kind: 'note', id: a.id, section: '' },
    ]);
    const entries = resolveBriefing(selection, candidates([a, b, c], [taiwan]));
    expect(entries.map(briefingKey)).toEqual(selection.map(briefingKey));
  });

  it('drops what is gone, deleted, repeated or of another country, and never throws', () => {
    const gone = id();
    const germany = sheet({ countryCode: 'DE', goals: 'x' });
    const selection = toSelection([
      { kind: 'note', id: gone, section: '' },
      { kind: 'note', id: b.id, section: '' },
      { kind: 'note', id: a.id, section: '' },
      { kind: 'note', id: b.id, section: '' },
      { kind: 'sheet', id: germany.id, section: 'plan' },
      { kind: 'sheet', id: gone, section: 'plan' },
      { kind: 'sheet', id: taiwan.id, section: '' },
    ]);
    const entries = resolveBriefing(selection, candidates([{ ...a, deleted: 1 }, b], [taiwan, germany]));
    expect(entries.map(briefingKey)).toEqual([briefingKey({ kind: 'note', id: b.id, section: '' })]);
  });

  it('an empty list is an empty briefing, not the proposal', () => {
    expect(resolveBriefing([], candidates([a, b], [taiwan]))).toEqual([]);
  });
});

describe('editing the list', () => {
  const a = note({ title: 'A', countryCodes: ['TW'] });
  const b = note({ title: 'B', countryCodes: ['TW'] });
  const loose = note({ title: 'Chosen before, no longer tagged', countryCodes: ['DE'] });
  const taiwan = sheet({ countryCode: 'TW', goals: 'Goals' });

  it('offers every candidate not in the list: the proposal first, then empty sheet sections, then other notes', () => {
    const input = candidates([a, b, loose], [taiwan]);
    const current = resolveBriefing(toSelection([{ kind: 'note', id: a.id, section: '' }]), input);
    const addable = addableEntries(current, input);
    expect(addable.map((e) => (e.kind === 'note' ? e.note.title : e.section))).toEqual([
      'plan',
      'B',
      'contacts',
      'practical',
      'Chosen before, no longer tagged',
    ]);
  });

  it('moves an entry one place and leaves the ends alone', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('stores only kind, id and section', () => {
    const [entry] = proposeBriefing(candidates([a]));
    if (!entry) throw new Error('a proposal');
    expect(toSelection([entry])).toEqual([{ kind: 'note', id: a.id, section: '' }]);
  });
});
