import { describe, expect, it } from 'vitest';
import { FOCUS_COUNTRIES } from '../../../src/domain/countries';
import { COUNTRY_FACTS, emptySheet, prefilledSheet } from '../../../src/domain/country-facts';
import { CountrySheetFields } from '../../../src/domain/entities/country-sheet';
import { isValidZone } from '../../../src/domain/time';

describe('country facts', () => {
  it('cover every focus country, and only real zones and ISO 4217 codes the runtime knows', () => {
    const currencies = new Set(Intl.supportedValuesOf('currency'));
    expect(Object.keys(COUNTRY_FACTS).sort()).toEqual(FOCUS_COUNTRIES.map((country) => country.code).sort());
    for (const [code, facts] of Object.entries(COUNTRY_FACTS)) {
      expect(facts.timeZones.length, code).toBeGreaterThan(0);
      for (const zone of facts.timeZones) expect(isValidZone(zone), `${code} ${zone}`).toBe(true);
      expect(currencies.has(facts.currency.code), `${code} ${facts.currency.code}`).toBe(true);
    }
  });

  it('prefill Taiwan with its focus, zone, currency and language, in the language asked', () => {
    expect(prefilledSheet('TW', 'nl')).toMatchObject({
      countryCode: 'TW',
      focus: 'trade_invest',
      timeZones: ['Asia/Taipei'],
      currency: 'TWD – Nieuwe Taiwanese dollar',
    });
    expect(prefilledSheet('TW', 'en').currency).toBe('TWD – New Taiwan dollar');
    expect(prefilledSheet('TW', 'en').languages).toMatch(/Mandarin/);
  });

  it('give the United States its mainland zones and an invest-only country its focus', () => {
    const us = prefilledSheet('US', 'en');
    expect(us.timeZones).toEqual(
      expect.arrayContaining(['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles']),
    );
    expect(us.currency).toBe('USD – US dollar');
    expect(prefilledSheet('JP', 'nl')).toMatchObject({ focus: 'invest', currency: 'JPY – Japanse yen' });
    expect(prefilledSheet('IN', 'nl').focus).toBe('invest');
  });

  it('leave everything that is the team’s to write empty', () => {
    const sheet = prefilledSheet('DE', 'nl');
    expect(sheet).toMatchObject({
      prioritySectors: [],
      planYear: null,
      goals: '',
      plannedActivities: '',
      jobTarget: null,
      teamPersonIds: [],
      keyContacts: [],
      etiquette: '',
      visa: '',
      travelAdvice: '',
      emergencyNumbers: '',
    });
  });

  it('start any other country empty', () => {
    expect(prefilledSheet('FR', 'nl')).toEqual(emptySheet('FR'));
  });

  it('give sheets the stored schema accepts as they are', () => {
    for (const country of [...FOCUS_COUNTRIES.map((focus) => focus.code), 'BR']) {
      for (const language of ['nl', 'en'] as const) {
        const sheet = prefilledSheet(country, language);
        expect(CountrySheetFields.parse(sheet), `${country} ${language}`).toEqual(sheet);
      }
    }
  });
});
