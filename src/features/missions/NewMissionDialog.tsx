/** "New mission": the essentials, validated by the mission schema; saved as one unit with its tasks. */
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal } from '@mantine/core';
import { useEffect } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db, missionWrites } from '../../db';
import { defaultZoneOf } from '../../domain/countries';
import { MissionFields } from '../../domain/entities/mission';
import { addDays } from '../../domain/time';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { MissionFieldsForm, type MissionFormValues } from './MissionFieldsForm';

function blankMission(today: string): MissionFormValues {
  return {
    title: '',
    countryCodes: [],
    cities: [],
    timeZone: 'Europe/Amsterdam',
    startDate: addDays(today, 60),
    endDate: addDays(today, 63),
    status: 'idea',
    kind: 'trade',
    sectors: [],
    purpose: '',
  };
}

export function NewMissionDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const openMission = useNavigation((state) => state.openMission);
  const record = useUndo((state) => state.record);
  const form = useForm<MissionFormValues>({
    resolver: zodResolver(MissionFields) as unknown as Resolver<MissionFormValues>,
    defaultValues: blankMission(new Date().toISOString().slice(0, 10)),
    mode: 'onTouched',
  });
  // The zone follows the main destination until the user picks one.
  const countries = useWatch({ control: form.control, name: 'countryCodes' });
  const mainCountry = countries[0] ?? '';
  useEffect(() => {
    const zone = defaultZoneOf(mainCountry);
    if (zone && !form.getFieldState('timeZone').isDirty) form.setValue('timeZone', zone);
  }, [mainCountry, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      const { result, undo } = await missionWrites.createMission(db, MissionFields.parse(values), language);
      record({ label: t('missionList.created', { title: result.title }), steps: undo });
      form.reset(blankMission(new Date().toISOString().slice(0, 10)));
      onClose();
      openMission(result.id, 'overview');
    } catch (error) {
      notifyError(t, error);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('missionList.new')} size="lg">
      <form onSubmit={(event) => void submit(event)} noValidate data-testid="new-mission-form">
        <MissionFieldsForm control={form.control} full={false} />
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('missionList.create')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
