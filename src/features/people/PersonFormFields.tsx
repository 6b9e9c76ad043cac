/** The person fields that the create dialog and the detail panel share, bound to one form. */
import { SimpleGrid, Stack } from '@mantine/core';
import type { CSSProperties } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../domain/entities';
import { PERSON_KINDS } from '../../domain/entities/person';
import { ListField, SelectField, TextAreaField, TextField } from '../common/forms/fields';
import { organisationSource, RegistrySingleField } from '../common/forms/registry-pickers';

export type PersonFormValues = InputOf<'people'>;

/**
 * Mantine writes field descriptions in its "dimmed" grey and field errors in a light red, both
 * below WCAG AA contrast on white (about 3.3:1); inside the person forms they are darker. (Better
 * once in the app theme, for every form.)
 */
export const READABLE_FORM_COLOURS = {
  '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  '--mantine-color-error': 'var(--mantine-color-red-9)',
} as CSSProperties;

export function PersonFormFields({
  control,
  full = false,
}: {
  control: Control<PersonFormValues>;
  /** Also phone, languages and bio: the detail panel; the create dialog asks only what is needed. */
  full?: boolean;
}) {
  const { t } = useTranslation();
  const kinds = PERSON_KINDS.map((kind) => ({ value: kind, label: t(`personKind.${kind}`) }));
  return (
    <Stack gap="sm">
      {/* Inputs in a row line up at the bottom, whatever help text sits above one of them. */}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
        <TextField control={control} name="givenName" label={t('people.field.givenName')} required />
        <TextField
          control={control}
          name="familyName"
          label={t('people.field.familyName')}
          description={t('people.field.familyNameHelp')}
          required
        />
        <TextField
          control={control}
          name="honorific"
          label={t('people.field.honorific')}
          description={t('people.field.honorificHelp')}
        />
        <SelectField control={control} name="kind" label={t('people.field.kind')} data={kinds} required />
      </SimpleGrid>
      <TextField control={control} name="jobTitle" label={t('people.field.jobTitle')} />
      <RegistrySingleField
        source={organisationSource}
        control={control}
        name="organisationId"
        label={t('people.field.organisation')}
        description={t('people.field.organisationHelp')}
      />
      <TextField
        control={control}
        name="organisationName"
        label={t('people.field.organisationName')}
        description={t('people.field.organisationNameHelp')}
      />
      <TextField control={control} name="email" type="email" label={t('people.field.email')} />
      {full && (
        <>
          <TextField control={control} name="phone" type="tel" label={t('people.field.phone')} />
          <ListField
            control={control}
            name="languages"
            label={t('people.field.languages')}
            description={t('people.field.languagesHelp')}
          />
          <TextAreaField
            control={control}
            name="bio"
            label={t('people.field.bio')}
            description={t('people.field.bioHelp')}
          />
        </>
      )}
    </Stack>
  );
}
