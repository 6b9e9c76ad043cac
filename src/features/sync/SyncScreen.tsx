/** The Sync screen: connect or unlock the team vault, sync, see the vault's devices and review conflicts. */
import { Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { useSyncStore } from '../../stores/sync';
import { ScreenHeader } from '../common/ScreenHeader';
import { ConflictsPanel } from './ConflictsPanel';
import { ConnectForm } from './ConnectForm';
import { DevicesTable } from './DevicesTable';
import { SyncStatusPanel } from './SyncStatusPanel';
import { isUnlocked } from './sync-session';
import { unsharedChanges } from './sync-reads';

export default function SyncScreen() {
  const { t } = useTranslation();
  const status = useLiveQuery(() => queries.syncStatus(db), []);
  // The log minus what was pushed: syncStatus counts the whole log, shared or not.
  const unshared = useLiveQuery(() => unsharedChanges(db), []);
  const connection = useSyncStore((s) => s.connection);
  const phase = useSyncStore((s) => s.phase);
  useEffect(() => {
    if (connection === undefined) void useSyncStore.getState().loadConnection();
  }, [connection]);
  // The engine lives outside React; the phase changes whenever it is made or dropped.
  const unlocked = connection && phase !== 'locked' && phase !== 'connecting' && isUnlocked();

  return (
    <Stack data-testid="sync-screen" maw={900}>
      <ScreenHeader title={t('sync.title')} intro={t('sync.intro')} />
      <Text>{t('sync.body')}</Text>
      {connection !== undefined &&
        (unlocked ? <SyncStatusPanel connection={connection} /> : <ConnectForm remembered={connection} />)}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <div>
            <Text size="sm" fw={600} c="gray.8">
              {t('sync.device')}
            </Text>
            {status?.deviceId ? <Code>{status.deviceId}</Code> : <Text>{t('sync.deviceUnknown')}</Text>}
          </div>
          <div>
            <Text size="sm" fw={600} c="gray.8">
              {t('sync.pending')}
            </Text>
            <Text data-testid="pending-changes">{t('sync.pendingValue', { count: unshared ?? 0 })}</Text>
          </div>
        </SimpleGrid>
      </Paper>
      {unlocked && <DevicesTable />}
      <ConflictsPanel />
    </Stack>
  );
}
