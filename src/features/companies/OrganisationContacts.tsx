/**
 * The organisation's contacts: people in the registry linked to it, each unlinkable, and a row to
 * link an existing person with their job title there.
 */
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Title, type ComboboxItem } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { linkContact, unlinkContact } from '../../db/knowledge-writes';
import type { Organisation } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { useUndo } from '../../stores/undo';
import { notify, notifyError } from '../common/errors';

function LinkContact({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [jobTitle, setJobTitle] = useState('');
  const found = useLiveQuery(() => (search.trim() ? queries.searchPeople(db, search, 20) : []), [search]);
  const options: ComboboxItem[] = (found ?? [])
    .filter((person) => person.organisationId !== organisation.id)
    .map((person) => ({ value: person.id, label: displayName(person) }));

  const link = () => {
    if (!personId) return;
    linkContact(db, organisation.id, personId, jobTitle.trim()).then(
      ({ result, undo }) => {
        const name = displayName(result);
        useUndo.getState().record({ label: t('companies.contacts.linked', { name }), steps: undo });
        notify(t, { color: 'green', message: t('companies.contacts.linked', { name }) });
        setPersonId(null);
        setSearch('');
        setJobTitle('');
      },
      (failure: unknown) => notifyError(t, failure),
    );
  };

  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        label={t('companies.contacts.person')}
        description={t('companies.contacts.personHelp')}
        searchable
        data={options}
        value={personId}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(next) => {
          setPersonId(next);
          const person = found?.find((candidate) => candidate.id === next);
          if (person && !jobTitle) setJobTitle(person.jobTitle);
        }}
        filter={({ options: all }) => all}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 180px' }}
        data-testid="contact-person"
      />
      <TextInput
        label={t('companies.contacts.role')}
        value={jobTitle}
        onChange={(event) => setJobTitle(event.currentTarget.value)}
        style={{ flex: '1 1 140px' }}
      />
      <Button onClick={link} disabled={!personId} data-testid="link-contact">
        {t('companies.contacts.link')}
      </Button>
    </Group>
  );
}

export function OrganisationContacts({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const contacts = useLiveQuery(() => queries.contactsOf(db, organisation.id), [organisation.id]);

  const unlink = (personId: string, name: string) => {
    unlinkContact(db, personId).then(
      ({ undo }) => {
        useUndo.getState().record({ label: t('companies.contacts.unlinked', { name }), steps: undo });
        notify(t, { color: 'green', message: t('companies.contacts.unlinked', { name }) });
      },
      (failure: unknown) => notifyError(t, failure),
    );
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="organisation-contacts-title">
      <Title order={3} size="h4" id="organisation-contacts-title">
        {t('companies.contacts.title')}
      </Title>
      {contacts === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : contacts.length === 0 ? (
        <Text size="sm">{t('companies.contacts.none')}</Text>
      ) : (
        <ul
          aria-label={t('companies.contacts.listLabel', { name: organisation.name })}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          data-testid="organisation-contacts"
        >
          {contacts.map((person) => {
            const name = displayName(person);
            return (
              <li key={person.id}>
                <Group justify="space-between" wrap="nowrap" py={4}>
                  <Text size="sm">
                    <Text span fw={600} size="sm">
                      {name}
                    </Text>
                    {person.jobTitle ? ` · ${person.jobTitle}` : ''}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="gray.8"
                    aria-label={t('companies.contacts.unlink', { name })}
                    onClick={() => unlink(person.id, name)}
                  >
                    <IconLinkOff size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            );
          })}
        </ul>
      )}
      <LinkContact organisation={organisation} />
    </Stack>
  );
}
