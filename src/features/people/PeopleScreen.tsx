/**
 * The people registry: a virtualised list (filtered by family name), a panel with the chosen
 * person's details that saves itself, and a dialog for a new person.
 */
import { Button, Modal, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { displayName, type PersonFields } from '../../domain/entities/person';
import { useNavigation } from '../../stores/navigation';
import { useUndo } from '../../stores/undo';
import { notify } from '../common/errors';
import { RegistryScreen } from '../common/RegistryScreen';
import { createPerson } from './people-actions';
import { PersonCreateForm } from './PersonCreateForm';
import { PersonDetail } from './PersonDetail';
import { PersonRow } from './PersonRow';

export default function PeopleScreen() {
  const { t } = useTranslation();
  const focusId = useNavigation((state) => state.focusId);
  const [selectedId, setSelectedId] = useState<string | null>(focusId ?? null);
  // A search result opens its person here.
  useEffect(() => {
    if (focusId) setSelectedId(focusId);
  }, [focusId]);
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const [debouncedFilter] = useDebouncedValue(filter, 150);
  const query = useMemo(
    () => (debouncedFilter.trim() ? queries.peopleByNameQuery(debouncedFilter) : undefined),
    [debouncedFilter],
  );
  const close = useCallback(() => setSelectedId(null), []);

  const create = async (fields: PersonFields) => {
    const { result, undo } = await createPerson(db, fields);
    const name = displayName(result);
    useUndo.getState().record({ label: t('people.created', { name }), steps: undo });
    notify(t, { color: 'green', message: t('people.created', { name }) });
    setCreating(false);
    setSelectedId(result.id);
  };

  return (
    <RegistryScreen
      table="people"
      texts="people"
      testId="people"
      actions={
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="new-person"
        >
          {t('people.newPerson')}
        </Button>
      }
      toolbar={
        <TextInput
          label={t('people.filterLabel')}
          placeholder={t('people.filterPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          type="search"
          maw={360}
          data-testid="people-filter"
        />
      }
      query={query}
      noMatches={t('people.noMatches')}
      renderRow={(person) => <PersonRow person={person} selected={person.id === selectedId} onOpen={setSelectedId} />}
      aside={selectedId && <PersonDetail key={selectedId} personId={selectedId} onClose={close} />}
    >
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('people.newPerson')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <PersonCreateForm onSubmit={create} onCancel={() => setCreating(false)} />
      </Modal>
    </RegistryScreen>
  );
}
