import { Badge, Group, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { countryName } from '../../domain/countries';
import { usePreferences } from '../../stores/preferences';
import { EmptyState } from '../common/EmptyState';
import { ScreenHeader } from '../common/ScreenHeader';
import { VirtualRecordList } from '../common/VirtualRecordList';

export default function CompaniesScreen() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const total = useLiveQuery(() => queries.countLive(db, 'organisations'), []);
  return (
    <Stack data-testid="companies-screen">
      <ScreenHeader title={t('companies.title')} intro={t('companies.intro')}>
        {total !== undefined && total > 0 && <Text fw={600}>{t('companies.count', { count: total })}</Text>}
      </ScreenHeader>
      {total === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : total === 0 ? (
        <EmptyState testId="companies-empty" title={t('companies.emptyTitle')} body={t('companies.emptyBody')} />
      ) : (
        <VirtualRecordList
          table="organisations"
          total={total}
          rowHeight={64}
          label={t('companies.listLabel')}
          renderRow={(organisation) => (
            <Group justify="space-between" px="md" py={8} h={64} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} truncate>
                  {organisation.name}
                  {organisation.localName && (
                    <Text span className="local-name" lang={organisation.localNameLang || undefined} c="gray.8" fw={400}>
                      {' '}
                      {organisation.localName}
                    </Text>
                  )}
                </Text>
                <Text size="sm" c="gray.8" truncate>
                  {[organisation.city, countryName(organisation.countryCode, language), organisation.sector].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <Badge variant="outline" color="gray.8" style={{ flexShrink: 0 }}>
                {t(`organisationKind.${organisation.kind}`)}
              </Badge>
            </Group>
          )}
        />
      )}
    </Stack>
  );
}
