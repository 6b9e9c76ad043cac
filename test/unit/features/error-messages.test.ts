import Dexie from 'dexie';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/domain/errors';
import { errorMessage } from '../../../src/features/common/errors';
import { en } from '../../../src/i18n/en';
import { nl } from '../../../src/i18n/nl';

describe('what the user reads when something fails', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { nl: { translation: nl }, en: { translation: en } },
      lng: 'nl',
      fallbackLng: 'nl',
    });
  });

  it('a typed error shows its own sentence, in Dutch and in English', async () => {
    const error = new AppError('errors.invalidInput', 'invalid organisations record');
    expect(errorMessage(i18next.t, error)).toBe(nl.errors.invalidInput);
    await i18next.changeLanguage('en');
    expect(errorMessage(i18next.t, error)).toBe(en.errors.invalidInput);
    await i18next.changeLanguage('nl');
  });

  it('storage failures from Dexie say that local storage is unavailable', () => {
    expect(errorMessage(i18next.t, new Dexie.OpenFailedError('blocked by policy'))).toBe(nl.errors.storage);
    expect(errorMessage(i18next.t, new Dexie.DatabaseClosedError())).toBe(nl.errors.storage);
  });

  it('anything else gets the safe generic sentence, never a raw message', () => {
    expect(errorMessage(i18next.t, new Error('ENOENT /Users/secret/path'))).toBe(nl.errors.unexpected);
    expect(errorMessage(i18next.t, 'a string')).toBe(nl.errors.unexpected);
    expect(errorMessage(i18next.t, Object.assign(new Error('x'), { key: 'errors.noSuchKey' }))).toBe(
      nl.errors.unexpected,
    );
  });
});
