import { MantineProvider } from '@mantine/core';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../src/domain/entities';
import { PersonRow } from '../../../src/features/people/PersonRow';
import type { PersonFormValues } from '../../../src/features/people/PersonFormFields';
import { SensitiveSection } from '../../../src/features/people/SensitiveSection';
import { initI18n } from '../../../src/i18n';

initI18n('nl');

const SENSITIVE = {
  passportNumber: 'NXK4R7P92',
  passportExpiry: '2027-05-31',
  dateOfBirth: '1971-02-14',
  dietaryNeeds: 'Notenallergie',
  medicalNotes: 'Draagt een EpiPen bij zich',
  emergencyContact: 'Pieter de Vries (partner), +31 6 9876 5432',
};

const person: Person = {
  id: '01a20eb7-dc99-775a-a7ce-c5eba361af83',
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  deleted: 0,
  stamps: {},
  hlc: '',
  sortKey: 'vries anna',
  givenName: 'Anna',
  familyName: 'de Vries',
  honorific: 'drs.',
  kind: 'official',
  jobTitle: 'Senior adviseur',
  organisationId: '',
  organisationName: 'Provincie Utrecht',
  email: 'a.devries@example.nl',
  phone: '',
  languages: ['nl', 'en'],
  bio: '',
  photoId: '',
  ...SENSITIVE,
};

const render = (node: ReactNode) => renderToStaticMarkup(createElement(MantineProvider, null, node));

function Section({ revealed }: { revealed: boolean }) {
  const form = useForm<PersonFormValues>({ defaultValues: person });
  return createElement(SensitiveSection, { control: form.control, revealed, onRevealedChange: () => undefined });
}

function leaked(html: string): string[] {
  return Object.values(SENSITIVE).filter((value) => html.includes(value));
}

describe('sensitive fields stay out of the page until shown on purpose', () => {
  it('the list row shows name, function and organisation, and a lock, but no sensitive value', () => {
    const html = render(createElement(PersonRow, { person, selected: false, onOpen: () => undefined }));
    expect(html).toContain('drs. Anna de Vries');
    expect(html).toContain('Provincie Utrecht');
    expect(html).toContain('Gevoelige gegevens afgeschermd');
    expect(leaked(html)).toEqual([]);
  });

  it('the closed section holds none of the values, not even in hidden inputs', () => {
    const html = render(createElement(Section, { revealed: false }));
    expect(html).toContain('Gevoelige gegevens tonen');
    expect(html).not.toContain('<input');
    expect(leaked(html)).toEqual([]);
  });

  it('the revealed section shows every value to edit', () => {
    const html = render(createElement(Section, { revealed: true }));
    expect(html).toContain('Gevoelige gegevens verbergen');
    expect(leaked(html)).toEqual(Object.values(SENSITIVE));
  });
});
