import { describe, expect, it } from 'vitest';
import { PersonFields } from '../../../src/domain/entities/person';
import { isSensitive, SENSITIVE_FIELDS, withoutSensitive } from '../../../src/domain/sensitive-fields';
import { foldForSearch, hasControlCharacters, surnameSortKey } from '../../../src/domain/text';

describe('text rules', () => {
  it('folds accents, case and spacing so names sort and match as people expect', () => {
    expect(foldForSearch('  Société   Générale ')).toBe('societe generale');
    expect(foldForSearch('Ærø Øresund')).toBe('aero oresund');
    expect(foldForSearch('Straße Łódź')).toBe('strasse lodz');
    expect(foldForSearch('工業技術研究院')).toBe('工業技術研究院');
  });

  it('files Dutch surnames under the name, not the prefix, as a Dutch list does', () => {
    const names = ['van den Heuvel', 'de Wit', 'Brouwer', 'Demir', "in 't Veld", 'Van Dijk'];
    expect([...names].sort((a, b) => surnameSortKey(a).localeCompare(surnameSortKey(b)))).toEqual([
      'Brouwer',
      'Demir',
      'van den Heuvel',
      // A capitalised prefix belongs to the name (Flemish style), so it files under V.
      'Van Dijk',
      "in 't Veld",
      'de Wit',
    ]);
  });

  it('refuses control characters but keeps tabs and new lines', () => {
    expect(hasControlCharacters('line\nnext\tcol')).toBe(false);
    expect(hasControlCharacters('bell\u0007')).toBe(true);
    expect(hasControlCharacters('del\u007f')).toBe(true);
  });
});

describe('the sensitive-field registry', () => {
  it('names only fields people actually have, and masks them in a copy', () => {
    const fields = Object.keys(PersonFields.shape);
    for (const field of SENSITIVE_FIELDS.people) expect(fields).toContain(field);
    const person = PersonFields.parse({
      givenName: 'Marieke',
      familyName: 'van den Heuvel',
      kind: 'administrator',
      passportNumber: 'NX1234567',
      dateOfBirth: '1970-05-01',
      medicalNotes: 'Allergie: noten',
    });
    const safe = withoutSensitive('people', person);
    expect(safe.passportNumber).toBe('');
    expect(safe.dateOfBirth).toBe('');
    expect(safe.medicalNotes).toBe('');
    expect(safe.givenName).toBe('Marieke');
    expect(person.passportNumber).toBe('NX1234567');
    expect(isSensitive('people', 'email')).toBe(false);
    expect(isSensitive('organisations', 'name')).toBe(false);
  });
});
