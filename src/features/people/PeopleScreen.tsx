import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../domain/entities/person';
import { SENSITIVE_FIELDS } from '../../domain/sensitive-fields';
import { RegistryScreen } from '../common/RegistryScreen';

export default function PeopleScreen() {
  const { t } = useTranslation();
  return (
    <RegistryScreen
      table="people"
      texts="people"
      testId="people"
      renderRow={(person) => {
        const hasSensitive = SENSITIVE_FIELDS.people.some((field) => person[field] !== '');
        return (
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
                {displayName(person)}
              </Text>
              <Text size="sm" c="gray.8" truncate>
                {[person.jobTitle, person.organisationName].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              {hasSensitive && (
                <Badge variant="outline" color="gray.8" leftSection={<IconLock size={12} aria-hidden />}>
                  {t('people.sensitiveMasked')}
                </Badge>
              )}
              <Badge variant="outline" color="gray.8">
                {t(`personKind.${person.kind}`)}
              </Badge>
            </Group>
          </Group>
        );
      }}
    />
  );
}
