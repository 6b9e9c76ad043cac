/**
 * One person in the registry list: name, function and organisation, kind. Sensitive fields are
 * never shown here, only that there are some (a lock badge).
 */
import { Badge, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { Person } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { SENSITIVE_FIELDS } from '../../domain/sensitive-fields';

/** The registry organisation's name; read only for the few rows that link one without a name. */
function OrganisationName({ id }: { id: string }) {
  const organisation = useLiveQuery(() => queries.organisationById(db, id), [id]);
  return organisation?.name ?? '';
}

export function PersonRow({
  person,
  selected,
  onOpen,
}: {
  person: Person;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const hasSensitive = SENSITIVE_FIELDS.people.some((field) => person[field] !== '');
  const organisation =
    person.organisationName || (person.organisationId ? <OrganisationName id={person.organisationId} /> : null);
  return (
    <UnstyledButton
      onClick={() => onOpen(person.id)}
      aria-current={selected ? 'true' : undefined}
      data-testid="person-row"
      w="100%"
      h={64}
      bg={selected ? 'utrecht.0' : undefined}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" px="md" py={8} h="100%" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {displayName(person)}
          </Text>
          <Text size="sm" c="gray.8" truncate>
            {person.jobTitle}
            {person.jobTitle && organisation ? ' · ' : ''}
            {organisation}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {hasSensitive && (
            // A lock only, so the name keeps its room when the detail panel narrows the list.
            <Badge variant="outline" color="gray.8" title={t('people.sensitiveMasked')} px={6}>
              <IconLock size={12} aria-hidden style={{ verticalAlign: 'middle' }} />
              <VisuallyHidden>{t('people.sensitiveMasked')}</VisuallyHidden>
            </Badge>
          )}
          <Badge variant="outline" color="gray.8">
            {t(`personKind.${person.kind}`)}
          </Badge>
        </Group>
      </Group>
    </UnstyledButton>
  );
}
