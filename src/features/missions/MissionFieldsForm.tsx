/** The mission's own fields, used by the new-mission dialog and the overview's autosaving form. */
import { SimpleGrid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { countryChoices } from '../../domain/countries';
import { MISSION_KINDS, SECTORS, CLASSIFICATIONS, type MissionFields } from '../../domain/entities/mission';
import { usePreferences } from '../../stores/preferences';
import {
  ListField,
  MultiSelectField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../common/forms/fields';
import { zoneChoices } from '../common/forms/zone-choices';

export type MissionFormValues = z.input<typeof MissionFields>;

export function MissionFieldsForm({
  control,
  people,
  full,
}: {
  control: Control<MissionFormValues>;
  /** People of the registry, for lead and coordinator. */
  people?: { value: string; label: string }[];
  /** The overview shows every field; a new mission asks only the essentials. */
  full: boolean;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const countries = useMemo(() => countryChoices(language), [language]);
  const zones = useMemo(() => zoneChoices(), []);
  return (
    <Stack gap="md">
      <TextField control={control} name="title" label={t('missionForm.title')} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelectField
          control={control}
          name="countryCodes"
          label={t('missionForm.countries')}
          description={t('missionForm.countriesHelp')}
          data={countries}
          searchable
          required
        />
        <ListField
          control={control}
          name="cities"
          label={t('missionForm.cities')}
          description={t('missionForm.listHelp')}
        />
        <TextField control={control} name="startDate" type="date" label={t('missionForm.startDate')} required />
        <TextField control={control} name="endDate" type="date" label={t('missionForm.endDate')} required />
        <SelectField
          control={control}
          name="timeZone"
          label={t('missionForm.timeZone')}
          description={t('missionForm.timeZoneHelp')}
          data={zones}
          searchable
          required
        />
        <SelectField
          control={control}
          name="kind"
          label={t('mission.kind')}
          data={MISSION_KINDS.map((kind) => ({ value: kind, label: t(`missionKind.${kind}`) }))}
          required
        />
      </SimpleGrid>
      <MultiSelectField
        control={control}
        name="sectors"
        label={t('mission.sectors')}
        data={SECTORS.map((sector) => ({ value: sector, label: t(`sector.${sector}`) }))}
      />
      <TextAreaField control={control} name="purpose" label={t('mission.purpose')} />
      {full && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="leadPersonId"
              label={t('missionForm.lead')}
              data={people ?? []}
              searchable
              clearable
            />
            <SelectField
              control={control}
              name="coordinatorPersonId"
              label={t('missionForm.coordinator')}
              data={people ?? []}
              searchable
              clearable
            />
            <NumberField control={control} name="plannedBudgetCents" label={t('missionForm.plannedBudget')} cents />
            <NumberField control={control} name="actualBudgetCents" label={t('missionForm.actualBudget')} cents />
            <NumberField
              control={control}
              name="travelBufferMinutes"
              label={t('missionForm.travelBuffer')}
              description={t('missionForm.travelBufferHelp')}
            />
            <SelectField
              control={control}
              name="classification"
              label={t('missionForm.classification')}
              data={CLASSIFICATIONS.map((value) => ({ value, label: t(`classification.${value || 'none'}`) }))}
            />
          </SimpleGrid>
          <ListField
            control={control}
            name="partners"
            label={t('missionForm.partners')}
            description={t('missionForm.partnersHelp')}
          />
          <TextAreaField control={control} name="outcome" label={t('missionForm.outcome')} />
        </>
      )}
    </Stack>
  );
}
