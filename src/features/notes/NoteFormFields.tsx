/** The fields of an intelligence note, shared by the new-note form and the editor that saves itself. */
import { Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { countryChoices } from '../../domain/countries';
import type { InputOf } from '../../domain/entities';
import { RELIABILITIES } from '../../domain/entities/intelligence-note';
import { SECTORS } from '../../domain/entities/mission';
import { usePreferences } from '../../stores/preferences';
import { MultiSelectField, SelectField, TextAreaField, TextField } from '../common/forms/fields';
import { Markdown } from '../common/Markdown';
import { organisationSource, RegistryMultiField } from '../common/forms/registry-pickers';

export type NoteFormValues = InputOf<'notes'>;

/** The body as Markdown source, or as the reader will see it (through the same strict renderer). */
function BodyField({ control }: { control: Control<NoteFormValues> }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const body = useWatch({ control, name: 'body' }) ?? '';
  return (
    <Stack gap={6}>
      <SegmentedControl
        aria-label={t('notes.bodyMode')}
        value={mode}
        onChange={(next) => setMode(next === 'preview' ? 'preview' : 'write')}
        data={[
          { value: 'write', label: t('notes.write') },
          { value: 'preview', label: t('notes.preview') },
        ]}
        w="fit-content"
        data-testid="note-body-mode"
      />
      {mode === 'write' ? (
        <TextAreaField
          control={control}
          name="body"
          label={t('notes.field.body')}
          description={t('notes.field.bodyHelp')}
          minRows={8}
        />
      ) : (
        <Paper
          withBorder
          p="sm"
          radius="sm"
          component="section"
          aria-label={t('notes.preview')}
          data-testid="note-preview"
          mih={180}
        >
          {body.trim() ? <Markdown source={body} /> : <Text c="gray.8">{t('notes.previewEmpty')}</Text>}
        </Paper>
      )}
    </Stack>
  );
}

export function NoteFormFields({ control }: { control: Control<NoteFormValues> }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const countries = useMemo(() => countryChoices(language), [language]);
  const sectors = SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }));
  // Not assessed ('') is the cleared select.
  const reliabilities = RELIABILITIES.filter((reliability) => reliability !== '').map((reliability) => ({
    value: reliability,
    label: t(`notes.reliability.${reliability}`),
  }));
  return (
    <Stack gap="sm">
      <TextField control={control} name="title" label={t('notes.field.title')} required />
      <BodyField control={control} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" style={{ alignItems: 'end' }}>
        <TextField
          control={control}
          name="source"
          label={t('notes.field.source')}
          description={t('notes.field.sourceHelp')}
        />
        <TextField control={control} name="sourceUrl" type="url" label={t('notes.field.sourceUrl')} />
        <TextField control={control} name="sourceDate" type="date" label={t('notes.field.sourceDate')} />
        <SelectField
          control={control}
          name="reliability"
          label={t('notes.field.reliability')}
          data={reliabilities}
          clearable
        />
        <TextField
          control={control}
          name="reviewBy"
          type="date"
          label={t('notes.field.reviewBy')}
          description={t('notes.field.reviewByHelp')}
        />
      </SimpleGrid>
      <MultiSelectField
        control={control}
        name="countryCodes"
        label={t('notes.field.countries')}
        data={countries}
        searchable
      />
      <MultiSelectField control={control} name="sectors" label={t('notes.field.sectors')} data={sectors} />
      <RegistryMultiField
        source={organisationSource}
        testId="note-organisations"
        control={control}
        name="organisationIds"
        label={t('notes.field.organisations')}
        description={t('notes.field.organisationsHelp')}
      />
    </Stack>
  );
}
