import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-mission.json';
import formatOne from '../../fixtures/dossier/sample-format-1.json';
import { DOSSIER_FORMAT_VERSION } from '../../../src/domain/dossier';
import { readDossierFile } from '../../../src/domain/dossier-read';
import { AppError } from '../../../src/domain/errors';

function errorKey(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? error.key : 'not an AppError';
  }
  return undefined;
}

describe('reading dossier files of every format version', () => {
  it('reads the current sample as format version 2 with tasks', () => {
    const dossier = readDossierFile(sample);
    expect(dossier.formatVersion).toBe(DOSSIER_FORMAT_VERSION);
    expect(dossier.tasks.length).toBeGreaterThan(0);
  });

  it('upgrades a format 1 file on read: country moves into the list, new fields get defaults', () => {
    const dossier = readDossierFile(formatOne);
    expect(dossier.formatVersion).toBe(2);
    expect(dossier.mission.countryCodes).toEqual(['TW']);
    expect(dossier.mission.assessment.answers.A.answer).toBe('');
    expect(dossier.notes.every((note) => note.countryCodes.length === 1)).toBe(true);
    const taitra = dossier.organisations.find((o) => o.name.includes('TAITRA'));
    expect(taitra?.industry).toBe('Handelsbevordering');
    expect(dossier.delegation[0]?.arrivalAt).toBe('');
    expect(dossier.agenda.map((a) => a.start)).toEqual(formatOne.agenda.map((a) => a.start));
    expect(dossier.tasks).toEqual([]);
  });

  it('refuses a newer format version with its own message, not as broken', () => {
    expect(errorKey(() => readDossierFile({ ...sample, formatVersion: DOSSIER_FORMAT_VERSION + 1 }))).toBe(
      'errors.dossierTooNew',
    );
  });

  it('refuses what is not a dossier', () => {
    expect(errorKey(() => readDossierFile({ hello: 'world' }))).toBe('errors.notADossier');
    expect(errorKey(() => readDossierFile([1, 2]))).toBe('errors.notADossier');
    expect(errorKey(() => readDossierFile({ format: 'mission-dossier', formatVersion: '2' }))).toBe(
      'errors.notADossier',
    );
  });

  it('refuses a format 1 file with a broken reference after upgrading it', () => {
    const broken = structuredClone(formatOne);
    const item = broken.agenda[0];
    if (!item) throw new Error('the fixture has an agenda');
    item.participantIds = ['01a1f545-0000-7000-8000-000000000000'];
    expect(errorKey(() => readDossierFile(broken))).toBe('errors.invalidInput');
  });

  it('refuses a person whose photo is not in the file', () => {
    const broken = structuredClone(sample);
    const person = broken.people[0];
    if (!person) throw new Error('the sample has people');
    person.photoId = '01a1f545-0000-7000-8000-000000000001';
    expect(errorKey(() => readDossierFile(broken))).toBe('errors.invalidInput');
  });
});
