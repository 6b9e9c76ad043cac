/**
 * The organisations registry: a virtualised list (filtered by the start of the name), a panel with
 * the chosen organisation that saves itself, and a dialog for a new one with the duplicate guard.
 */
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { createOrganisation } from '../../db/knowledge-writes';
import type { OrganisationFields } from '../../domain/entities/organisation';
import { useNavigation } from '../../stores/navigation';
import { useUndo } from '../../stores/undo';
import { notify } from '../common/errors';
import { RegistryScreen } from '../common/RegistryScreen';
import { CsvExportMenu } from './CsvExportMenu';
import { CsvImportDialog } from './CsvImportDialog';
import { OrganisationCreateForm } from './OrganisationCreateForm';
import { OrganisationDetail } from './OrganisationDetail';
import { OrganisationRow } from './OrganisationRow';

export default function CompaniesScreen() {
  const { t } = useTranslation();
  const focusId = useNavigation((state) => state.focusId);
  const [selectedId, setSelectedId] = useState<string | null>(focusId ?? null);
  // A search result opens its organisation here.
  useEffect(() => {
    if (focusId) setSelectedId(focusId);
  }, [focusId]);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [filter, setFilter] = useState('');
  const [debouncedFilter] = useDebouncedValue(filter, 150);
  const query = useMemo(
    () => (debouncedFilter.trim() ? queries.organisationsByNameQuery(debouncedFilter) : undefined),
    [debouncedFilter],
  );
  const close = useCallback(() => setSelectedId(null), []);

  const create = async (fields: OrganisationFields) => {
    const { result, undo } = await createOrganisation(db, fields);
    useUndo.getState().record({ label: t('companies.created', { name: result.name }), steps: undo });
    notify(t, { color: 'green', message: t('companies.created', { name: result.name }) });
    setCreating(false);
    setSelectedId(result.id);
  };

  const openExisting = (id: string) => {
    setCreating(false);
    setSelectedId(id);
  };

  return (
    <RegistryScreen
      table="organisations"
      texts="companies"
      testId="companies"
      actions={
        <Group gap="xs">
          <CsvExportMenu />
          <Button
            variant="default"
            leftSection={<IconFileImport size={16} aria-hidden />}
            onClick={() => setImporting(true)}
            data-testid="csv-import"
          >
            {t('companies.import.button')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="new-organisation"
          >
            {t('companies.newOrganisation')}
          </Button>
        </Group>
      }
      toolbar={
        <TextInput
          label={t('companies.filterLabel')}
          placeholder={t('companies.filterPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
          type="search"
          maw={360}
          data-testid="companies-filter"
        />
      }
      query={query}
      noMatches={t('companies.noMatches')}
      renderRow={(organisation) => (
        <OrganisationRow organisation={organisation} selected={organisation.id === selectedId} onOpen={setSelectedId} />
      )}
      aside={selectedId && <OrganisationDetail key={selectedId} organisationId={selectedId} onClose={close} />}
    >
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('companies.newOrganisation')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('app.close') }}
      >
        <OrganisationCreateForm onSubmit={create} onOpenExisting={openExisting} onCancel={() => setCreating(false)} />
      </Modal>
      <CsvImportDialog opened={importing} onClose={() => setImporting(false)} />
    </RegistryScreen>
  );
}
