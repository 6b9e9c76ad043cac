import { Alert, Code, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { ScreenHeader } from '../common/ScreenHeader';

export default function SyncScreen() {
  const { t } = useTranslation();
  const status = useLiveQuery(() => queries.syncStatus(db), []);
  return (
    <Stack data-testid="sync-screen" maw={800}>
      <ScreenHeader title={t('sync.title')} intro={t('sync.intro')} />
      <Text>{t('sync.body')}</Text>
      <Alert variant="outline" color="gray.8" icon={<IconInfoCircle aria-hidden />} data-testid="sync-empty">
        {t('sync.noVault')}
      </Alert>
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
            <Text data-testid="pending-changes">{t('sync.pendingValue', { count: status?.pendingChanges ?? 0 })}</Text>
          </div>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
