/** The organisation fields that the create dialog and the detail panel share, bound to one form. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countryChoices } from '../../domain/countries';
import type { InputOf } from '../../domain/entities';
import { SECTORS } from '../../domain/entities/mission';
import { ORGANISATION_KINDS, RELATIONSHIPS } from '../../domain/entities/organisation';
import { usePreferences } from '../../stores/preferences';
import { MultiSelectField, NumberField, SelectField, TextAreaField, TextField } from '../common/forms/fields';

export type OrganisationFormValues = InputOf<'organisations'>;

export function OrganisationFormFields({
  control,
  full = false,
}: {
  control: Control<OrganisationFormValues>;
  /** Also figures, description and relationship: the detail panel; the dialog asks what identifies it. */
  full?: boolean;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const countries = useMemo(() => countryChoices(language), [language]);
  const kinds = ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`organisationKind.${kind}`) }));
  const sectors = SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }));
  const relationships = RELATIONSHIPS.map((relationship) => ({
    value: relationship,
    label: t(`companies.relationship.${relationship || 'none'}`),
  }));
  return (
    <Stack gap="sm">
      <TextField control={control} name="name" label={t('companies.field.name')} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
        <TextField
          control={control}
          name="localName"
          label={t('companies.field.localName')}
          description={t('companies.field.localNameHelp')}
        />
        <TextField
          control={control}
          name="localNameLang"
          label={t('companies.field.localNameLang')}
          description={t('companies.field.localNameLangHelp')}
        />
        <SelectField control={control} name="kind" label={t('companies.field.kind')} data={kinds} required />
        <SelectField
          control={control}
          name="countryCode"
          label={t('companies.field.country')}
          data={countries}
          searchable
          required
        />
        <TextField control={control} name="city" label={t('companies.field.city')} />
        <TextField control={control} name="website" type="url" label={t('companies.field.website')} />
      </SimpleGrid>
      <MultiSelectField control={control} name="sectors" label={t('companies.field.sectors')} data={sectors} />
      {full && (
        <>
          <TextField
            control={control}
            name="industry"
            label={t('companies.field.industry')}
            description={t('companies.field.industryHelp')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
            <NumberField control={control} name="employees" label={t('companies.field.employees')} />
            <NumberField control={control} name="revenueEur" label={t('companies.field.revenueEur')} />
          </SimpleGrid>
          <SelectField
            control={control}
            name="relationship"
            label={t('companies.field.relationship')}
            data={relationships}
          />
          <TextAreaField control={control} name="description" label={t('companies.field.description')} />
        </>
      )}
    </Stack>
  );
}
