/** The dossier's overview: the mission's fields (saving themselves), its status and the guideline. */
import { Group, Paper, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import type { MissionSnapshot } from '../../db/snapshot';
import { userFieldsOf } from '../../domain/entities/common';
import { displayName } from '../../domain/entities/person';
import { MissionFields } from '../../domain/entities/mission';
import { useUndo } from '../../stores/undo';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { SaveStatus } from '../common/forms/SaveStatus';
import { AssessmentForm } from './AssessmentForm';
import { MissionFieldsForm, type MissionFormValues } from './MissionFieldsForm';
import { ReadinessPanel } from './ReadinessPanel';
import { StatusControl } from './StatusControl';
import { usePeopleChoices } from './use-people-choices';

export function OverviewTab({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const { mission } = snapshot;
  const record = useUndo((state) => state.record);
  const values = useMemo(() => userFieldsOf(mission) as MissionFormValues, [mission]);
  const people = usePeopleChoices();
  const { form, state, error } = useAutosaveForm({
    schema: MissionFields,
    values,
    save: async (next) => {
      // The status moves only through the status control, with its own rules, and the guideline
      // has its own form: this one saves the rest.
      const {
        status: _status,
        statusReason: _reason,
        assessment: _assessment,
        approvalOverrideReason: _override,
        ...rest
      } = next;
      const { undo } = await repositories.missions.updateUndoable(mission.id, rest);
      record({ label: t('form.saved'), steps: undo });
    },
  });
  return (
    <Stack gap="lg" data-testid="overview-tab">
      <ReadinessPanel snapshot={snapshot} />
      <StatusControl mission={mission} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="mission-details-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="mission-details-title">
            {t('missionForm.details')}
          </Title>
          <SaveStatus state={state} error={error} />
        </Group>
        <form onSubmit={(event) => event.preventDefault()} noValidate data-testid="mission-form">
          <MissionFieldsForm
            control={form.control}
            full
            people={people ?? snapshot.people.map((p) => ({ value: p.id, label: displayName(p) }))}
          />
        </form>
      </Paper>
      <AssessmentForm mission={mission} />
    </Stack>
  );
}
