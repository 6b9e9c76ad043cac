/** "Duplicate as a template": a new title and start date; everything else follows the original. */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, missionWrites } from '../../db';
import type { Mission } from '../../domain/entities';
import { useNavigation } from '../../stores/navigation';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DuplicateMissionDialog({ mission, onClose }: { mission: Mission | null; onClose: () => void }) {
  const { t } = useTranslation();
  const openMission = useNavigation((state) => state.openMission);
  const record = useUndo((state) => state.record);
  const [title, setTitle] = useState('');
  const [startDate, setStartDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  if (mission && shown !== mission.id) {
    setShown(mission.id);
    setTitle(t('missionList.copyTitle', { title: mission.title }));
    setStartDate('');
  }
  const titleError = title.trim() === '' ? t('validation.required') : undefined;
  const dateError = DATE.test(startDate) ? undefined : t('validation.date');

  const submit = async () => {
    if (!mission || titleError || dateError) return;
    setBusy(true);
    try {
      const { result, undo } = await missionWrites.duplicateMission(db, mission.id, startDate, title.trim());
      record({ label: t('missionList.duplicated', { title: result.title }), steps: undo });
      onClose();
      openMission(result.id, 'overview');
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={mission !== null} onClose={onClose} title={t('missionList.duplicateTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
        data-testid="duplicate-form"
      >
        <Stack>
          <Text size="sm">{t('missionList.duplicateHelp')}</Text>
          <TextInput
            label={t('missionForm.title')}
            withAsterisk
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={titleError}
          />
          <TextInput
            label={t('missionList.newStartDate')}
            type="date"
            withAsterisk
            value={startDate}
            onChange={(event) => setStartDate(event.currentTarget.value)}
            error={startDate !== '' ? dateError : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={Boolean(titleError || dateError)}>
              {t('missionList.duplicate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
