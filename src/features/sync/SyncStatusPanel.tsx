/** The connected vault: sync now, progress, the last sync, the last outcome, a pause to confirm, an error to read. */
import { Alert, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { useSyncStore, type VaultConnection } from '../../stores/sync';
import { loadState } from '../../sync/sync-state';
import { errorMessage } from '../common/errors';
import { formatWhen } from './format-when';
import { disconnectVault, syncNow } from './sync-session';

export function SyncStatusPanel({ connection }: { connection: VaultConnection }) {
  const { t, i18n } = useTranslation();
  const { phase, progress, pause, error, lastSummary, rememberUnavailable } = useSyncStore();
  const state = useLiveQuery(() => loadState(db), []);
  const syncing = phase === 'syncing';
  const where = connection.kind === 'webdav' ? connection.url : connection.name;
  const share = progress && progress.total > 0 ? Math.min(100, (100 * progress.done) / progress.total) : 0;

  return (
    <Paper withBorder p="md" data-testid="sync-status">
      <Stack>
        <Text fw={600}>{t('syncScreen.connectedTo', { where })}</Text>
        {rememberUnavailable && (
          <Alert color="orange.9" variant="outline" data-testid="remember-unavailable">
            {t('syncScreen.rememberUnavailable')}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => void syncNow()}
            loading={syncing}
            leftSection={<IconRefresh aria-hidden size={16} />}
            data-testid="sync-now"
          >
            {t('syncScreen.syncNow')}
          </Button>
          <Button variant="default" onClick={() => void disconnectVault()} disabled={syncing}>
            {t('syncScreen.disconnect')}
          </Button>
        </Group>
        {syncing && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">
              {progress
                ? t(`syncScreen.progress_${progress.phase}`, {
                    done: String(progress.done),
                    total: String(progress.total),
                  })
                : t('syncScreen.starting')}
            </Text>
            <Progress value={share} aria-label={t('syncScreen.progressLabel')} animated={!progress} />
          </Stack>
        )}
        <div>
          <Text size="sm" fw={600} c="gray.8">
            {t('syncScreen.lastSync')}
          </Text>
          <Text data-testid="last-sync">
            {state?.lastSyncAt ? formatWhen(state.lastSyncAt, i18n.language) : t('syncScreen.never')}
          </Text>
        </div>
        {lastSummary && phase === 'idle' && (
          <Text role="status" data-testid="sync-summary">
            {t('syncScreen.summary', {
              pulled: lastSummary.pulledFiles,
              pushed: lastSummary.pushedFiles,
              changed: lastSummary.changedRecords,
            })}{' '}
            {lastSummary.conflicts > 0 && t('syncScreen.summaryConflicts', { count: lastSummary.conflicts })}{' '}
            {lastSummary.damaged > 0 && t('syncScreen.summaryDamaged', { count: lastSummary.damaged })}
          </Text>
        )}
        {phase === 'busy' && (
          <Alert color="gray.8" variant="outline">
            {t('syncScreen.busy')}
          </Alert>
        )}
        {phase === 'paused' && pause && (
          <Alert color="orange.9" variant="outline" title={t('syncScreen.pausedTitle')} data-testid="sync-paused">
            <Stack>
              <Text>
                {pause.reason === 'massDeletion'
                  ? t('syncScreen.paused_massDeletion', {
                      deletions: String(pause.deletions),
                      live: String(pause.live),
                    })
                  : t(`syncScreen.paused_${pause.reason}`)}
              </Text>
              <Group>
                <Button
                  color="orange.9"
                  onClick={() => void syncNow(pause.reason === 'massDeletion' ? 'massDeletion' : 'vaultChange')}
                >
                  {pause.reason === 'massDeletion'
                    ? t('syncScreen.confirm_massDeletion')
                    : t('syncScreen.confirm_vault')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {phase === 'error' && (
          <Alert color="red" title={t('syncScreen.errorTitle')} role="alert" data-testid="sync-error">
            {errorMessage(t, error)}
          </Alert>
        )}
        <Text size="sm" c="gray.8">
          {t('syncScreen.autoSync')}
        </Text>
      </Stack>
    </Paper>
  );
}
