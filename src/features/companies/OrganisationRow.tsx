/** One organisation in the registry list: name (and its own-script name), city, country, line of business, kind. */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../domain/countries';
import type { Organisation } from '../../domain/entities';
import { usePreferences } from '../../stores/preferences';

export function OrganisationRow({
  organisation,
  selected,
  onOpen,
}: {
  organisation: Organisation;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return (
    <UnstyledButton
      onClick={() => onOpen(organisation.id)}
      aria-current={selected ? 'true' : undefined}
      data-testid="organisation-row"
      w="100%"
      h={64}
      bg={selected ? 'utrecht.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" px="md" py={8} h="100%" wrap="nowrap">
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
    </UnstyledButton>
  );
}
