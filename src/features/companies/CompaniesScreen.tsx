import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../domain/countries';
import { usePreferences } from '../../stores/preferences';
import { RegistryScreen } from '../common/RegistryScreen';

export default function CompaniesScreen() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return (
    <RegistryScreen
      table="organisations"
      texts="companies"
      testId="companies"
      renderRow={(organisation) => (
        <Group
          justify="space-between"
          px="md"
          py={8}
          h={64}
          wrap="nowrap"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
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
              {[organisation.city, countryName(organisation.countryCode, language), organisation.industry]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Badge variant="outline" color="gray.8" style={{ flexShrink: 0 }}>
            {t(`organisationKind.${organisation.kind}`)}
          </Badge>
        </Group>
      )}
    />
  );
}
