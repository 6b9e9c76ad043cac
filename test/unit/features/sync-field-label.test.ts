/** A conflict names its field as the editing screen does, in the user's language. */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../../src/features/sync/field-label';
import { en } from '../../../src/i18n/en';
import { nl } from '../../../src/i18n/nl';

async function i18nIn(language: 'nl' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { nl: { translation: nl }, en: { translation: en } } });
  return instance;
}

describe('field labels in conflicts', () => {
  it('uses the agenda, company and person screens’ labels in both languages', async () => {
    const nlI18n = await i18nIn('nl');
    const enI18n = await i18nIn('en');
    expect(fieldLabel(nlI18n, 'agenda', 'location')).toBe('Locatie');
    expect(fieldLabel(enI18n, 'agenda', 'location')).toBe('Location');
    expect(fieldLabel(enI18n, 'people', 'familyName')).toBe('Family name');
    expect(fieldLabel(enI18n, 'organisations', 'name')).toBe('Name');
  });

  it('falls back to the field’s own name where no screen labels it', async () => {
    const enI18n = await i18nIn('en');
    expect(fieldLabel(enI18n, 'agenda', 'hlcOnlyField')).toBe('hlcOnlyField');
    expect(fieldLabel(enI18n, 'tasks', 'title')).toBe('title');
    expect(fieldLabel(enI18n, null, 'title')).toBe('title');
  });
});
