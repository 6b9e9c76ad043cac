/** Moves a mission along the workflow: one step forward, or one step back with a reason. */
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import type { Mission } from '../../domain/entities';
import type { MissionStatus } from '../../domain/entities/mission';
import { isAssessmentComplete, nextStatuses } from '../../domain/mission-workflow';
import { useUndo } from '../../stores/undo';
import { errorMessage, notify } from '../common/errors';

export function StatusControl({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const record = useUndo((state) => state.record);
  const { forward, back } = nextStatuses(mission.status);
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsOverride = forward === 'approved' && !isAssessmentComplete(mission.assessment);

  const move = async (to: MissionStatus, patch: Partial<Pick<Mission, 'statusReason' | 'approvalOverrideReason'>>) => {
    setBusy(true);
    setFailure(null);
    try {
      const { undo } = await repositories.missions.updateUndoable(mission.id, { status: to, ...patch });
      const message = t('workflow.moved', { status: t(`status.${to}`) });
      record({ label: message, steps: undo });
      notify(t, { color: 'green', message });
      setReason('');
      setOverride('');
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="status-title"
      data-testid="status-control"
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={2} size="h4" id="status-title">
            {t('workflow.title')}
          </Title>
          <Badge size="lg" variant="outline" color="gray.8" data-testid="status-badge">
            {t(`status.${mission.status}`)}
          </Badge>
        </Group>
        {mission.statusReason && <Text size="sm">{t('workflow.lastReason', { reason: mission.statusReason })}</Text>}
        {mission.approvalOverrideReason && (
          <Text size="sm">{t('workflow.approvedByOverride', { reason: mission.approvalOverrideReason })}</Text>
        )}
        {needsOverride && (
          <Textarea
            label={t('workflow.override')}
            description={t('workflow.overrideHelp')}
            value={override}
            onChange={(event) => setOverride(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        {back && (
          <Textarea
            label={t('workflow.reason')}
            description={t('workflow.backReasonHelp')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={1}
          />
        )}
        {failure && (
          <Text c="red.8" size="sm" role="alert" data-testid="status-error">
            {failure}
          </Text>
        )}
        <Group>
          {forward && (
            <Button
              loading={busy}
              onClick={() => void move(forward, needsOverride ? { approvalOverrideReason: override.trim() } : {})}
              data-testid="status-forward"
            >
              {t('workflow.forward', { status: t(`status.${forward}`) })}
            </Button>
          )}
          {back && (
            <Button
              variant="default"
              loading={busy}
              onClick={() => void move(back, { statusReason: reason.trim() })}
              data-testid="status-back"
            >
              {t('workflow.back', { status: t(`status.${back}`) })}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
