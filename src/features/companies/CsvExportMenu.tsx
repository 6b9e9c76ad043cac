/** Export of the organisations or the contacts as a CSV file that Excel opens and our import reads back. */
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { CsvTable } from '../../domain/csv/columns';
import { exportCsv } from '../../domain/csv/export';
import { getHost } from '../../platform';
import { usePreferences } from '../../stores/preferences';
import { notify, notifyError } from '../common/errors';

async function csvOf(table: CsvTable, language: 'nl' | 'en'): Promise<Uint8Array> {
  if (table === 'organisations') return exportCsv('organisations', await queries.liveOrganisations(db), { language });
  const organisations = await queries.liveOrganisations(db);
  const organisationNames = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  // Sensitive fields stay out: an export is a file that travels.
  return exportCsv('people', await queries.livePeople(db), { language, organisationNames });
}

export function CsvExportMenu() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);

  const save = async (table: CsvTable) => {
    try {
      const data = await csvOf(table, language);
      const saved = await getHost().saveFile({
        suggestedName: `${t(`companies.export.fileName.${table}`)}.csv`,
        data: new Uint8Array(data),
        kind: 'csv',
      });
      if (saved.status === 'saved') {
        notify(t, { color: 'green', message: t('companies.export.saved', { location: saved.location }) });
      }
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconFileExport size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          data-testid="csv-export"
        >
          {t('companies.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void save('organisations')} data-testid="csv-export-organisations">
          {t('companies.export.organisations')}
        </Menu.Item>
        <Menu.Item onClick={() => void save('people')} data-testid="csv-export-people">
          {t('companies.export.people')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
