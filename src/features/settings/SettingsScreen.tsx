import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n';
import { getHost } from '../../platform';
import { persistentStorage, type Persistence } from '../../platform/storage';
import type { AppInfo } from '../../shared/ipc-contract';
import { usePreferences } from '../../stores/preferences';
import { notifyError } from '../common/errors';
import { ScreenHeader } from '../common/ScreenHeader';
import { TaskTemplatePanel } from './TaskTemplatePanel';

export default function SettingsScreen() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const setLanguage = usePreferences((state) => state.setLanguage);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persistence, setPersistence] = useState<Persistence | null>(null);
  const host = getHost();

  useEffect(() => {
    let alive = true;
    host.appInfo().then(
      (value) => alive && setInfo(value),
      (error: unknown) => notifyError(t, error),
    );
    void persistentStorage().then((value) => alive && setPersistence(value));
    return () => {
      alive = false;
    };
  }, [host, t]);

  return (
    <Stack data-testid="settings-screen" maw={800}>
      <ScreenHeader title={t('settings.title')} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" id="language-label">
          {t('settings.language')}
        </Title>
        <Text size="sm" c="gray.8" mb="sm" id="language-help">
          {t('settings.languageHelp')}
        </Text>
        <SegmentedControl
          aria-labelledby="language-label"
          aria-describedby="language-help"
          value={language}
          onChange={(value) => isLanguage(value) && setLanguage(value)}
          data={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          data-testid="language-switch"
        />
      </Paper>
      <TaskTemplatePanel />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          {t('settings.about')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <div>
            <Text size="sm" fw={600} c="gray.8">
              {t('settings.version')}
            </Text>
            <Text data-testid="app-version">{info?.version ?? '…'}</Text>
          </div>
          <div>
            <Text size="sm" fw={600} c="gray.8">
              {t('settings.platform')}
            </Text>
            <Text>
              {host.kind === 'electron'
                ? t('settings.platformElectron', { platform: info?.platform ?? '' })
                : t('settings.platformWeb')}
            </Text>
          </div>
        </SimpleGrid>
        <Text size="sm" fw={600} c="gray.8" mt="md">
          {t('settings.dataLocation')}
        </Text>
        <Text>
          {info?.dataLocation
            ? t('settings.dataLocationElectron', { path: info.dataLocation })
            : t('settings.dataLocationWeb', { origin: window.location.origin })}
        </Text>
        <Text size="sm" fw={600} c="gray.8" mt="md">
          {t('settings.persistence')}
        </Text>
        <Text data-testid="persistence">
          {persistence === 'persistent'
            ? t('settings.persistencePersistent')
            : persistence === 'best-effort'
              ? t('settings.persistenceBestEffort')
              : persistence === 'unknown'
                ? t('settings.persistenceUnknown')
                : '…'}
        </Text>
      </Paper>
    </Stack>
  );
}
