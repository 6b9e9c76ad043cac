/** The other devices seen in the vault, with the time of their newest change. */
import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultDevice } from '../../sync/engine';
import { useSyncStore } from '../../stores/sync';
import { formatWhen } from './format-when';
import { vaultDevices } from './sync-session';

export function DevicesTable() {
  const { t, i18n } = useTranslation();
  const lastSummary = useSyncStore((s) => s.lastSummary);
  const [devices, setDevices] = useState<VaultDevice[] | undefined>(undefined);
  useEffect(() => {
    let current = true;
    // Re-read after each sync: the cursors behind the list only move then.
    vaultDevices().then(
      (list) => current && setDevices(list),
      (error: unknown) => console.warn('devices unreadable', error),
    );
    return () => {
      current = false;
    };
  }, [lastSummary]);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('syncScreen.devicesTitle')}
        </Title>
        {devices && devices.length === 0 && <Text>{t('syncScreen.devicesEmpty')}</Text>}
        {devices && devices.length > 0 && (
          <Table data-testid="vault-devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('syncScreen.deviceColumn')}</Table.Th>
                <Table.Th>{t('syncScreen.lastFileColumn')}</Table.Th>
                <Table.Th>{t('syncScreen.lastActivityColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.map((device) => (
                <Table.Tr key={device.device}>
                  <Table.Td>
                    <Code>{device.device}</Code>
                  </Table.Td>
                  <Table.Td>{device.lastFile}</Table.Td>
                  <Table.Td>{device.lastActivity ? formatWhen(device.lastActivity, i18n.language) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
