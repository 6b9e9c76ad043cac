/** The options a book panel starts from, and the file name it suggests. */
import { describe, expect, it } from 'vitest';
import { SafeFileName } from '../../../../src/shared/ipc-contract';
import {
  bookFileName,
  DEFAULT_BOOK_OPTIONS,
  optionsProblem,
  startingOptions,
} from '../../../../src/features/book/book-options';

describe('startingOptions', () => {
  it('takes the stored options when they are still valid', () => {
    const stored = { language: 'en', audience: 'personal', memberPersonId: 'p1', paper: 'A5', sections: ['cover'] };
    expect(startingOptions(stored, ['p1', 'p2'])).toEqual(stored);
  });

  it('falls back to the administrator’s book when the member left the delegation', () => {
    const stored = { language: 'en', audience: 'personal', memberPersonId: 'gone', paper: 'A5', sections: ['cover'] };
    expect(startingOptions(stored, ['p1'])).toMatchObject({
      audience: 'administrator',
      memberPersonId: '',
      paper: 'A5',
    });
  });

  it('uses the defaults for nothing stored or something unreadable', () => {
    expect(startingOptions(undefined, [])).toEqual(DEFAULT_BOOK_OPTIONS);
    expect(startingOptions({ language: 'fr' }, [])).toEqual(DEFAULT_BOOK_OPTIONS);
    expect(DEFAULT_BOOK_OPTIONS).toMatchObject({ language: 'nl', audience: 'administrator', paper: 'A4' });
  });
});

describe('optionsProblem', () => {
  it('asks for a member for a personal book and for at least one section', () => {
    expect(optionsProblem({ ...DEFAULT_BOOK_OPTIONS, audience: 'personal' })).toBe('book.memberRequired');
    expect(optionsProblem({ ...DEFAULT_BOOK_OPTIONS, sections: [] })).toBe('book.noSections');
    expect(optionsProblem(DEFAULT_BOOK_OPTIONS)).toBeNull();
  });
});

describe('bookFileName', () => {
  it('gives a name the save path accepts, whatever the mission is called', () => {
    for (const title of ['Handelsmissie Taiwan: Taipei/Hsinchu', 'a\\b*c?"d<e>f|g\n', '東京 2027', 'x'.repeat(400)]) {
      const name = bookFileName('Briefingboek', title, 3);
      expect(SafeFileName.safeParse(name).success, name).toBe(true);
    }
    expect(bookFileName('Briefingboek', 'Handelsmissie Taiwan: Taipei/Hsinchu', 2)).toBe(
      'Briefingboek Handelsmissie Taiwan Taipei Hsinchu v2',
    );
  });
});
