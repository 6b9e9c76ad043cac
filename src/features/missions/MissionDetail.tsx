import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileExport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import { useNavigation, type MissionTab } from '../../stores/navigation';
import { lazy, Suspense, useState } from 'react';
import { BriefingTab } from './BriefingTab';
import { DelegationTab } from './DelegationTab';
import { DossierExportDialog } from './DossierExportDialog';
import { OverviewTab } from './OverviewTab';
import { TasksTab } from './TasksTab';

// The book's panel (and its worker client) load when the tab is opened, not at start-up.
const BookPanel = lazy(() => import('../book/BookPanel').then((module) => ({ default: module.BookPanel })));
import { LocalName } from '../common/LocalName';
import { AgendaTab } from '../agenda/AgendaTab';
import { useMissionSnapshot } from './use-missions';

function Targets({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  if (snapshot.targets.length === 0) return <Text>{t('mission.noTargets')}</Text>;
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const nameOf = (id: string) => organisations.get(id)?.sortKey ?? '';
  const targets = [...snapshot.targets].sort(
    (a, b) => a.priority - b.priority || nameOf(a.organisationId).localeCompare(nameOf(b.organisationId)),
  );
  return (
    <Table striped withTableBorder verticalSpacing="sm" data-testid="targets-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('mission.organisation')}</Table.Th>
          <Table.Th scope="col">{t('mission.city')}</Table.Th>
          <Table.Th scope="col">{t('mission.priority')}</Table.Th>
          <Table.Th scope="col">{t('mission.objective')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {targets.map((target) => {
          const organisation = organisations.get(target.organisationId);
          return (
            <Table.Tr key={target.id}>
              <Table.Td>
                <Text fw={600} span>
                  {organisation?.name ?? '—'}
                </Text>
                {organisation && <LocalName name={organisation.localName} lang={organisation.localNameLang} />}
              </Table.Td>
              <Table.Td>{organisation?.city}</Table.Td>
              <Table.Td ta="center" aria-label={t('mission.priorityValue', { value: String(target.priority) })}>
                {target.priority}
              </Table.Td>
              <Table.Td>{target.objective}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function MissionDetail({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const openMission = useNavigation((state) => state.openMission);
  const tab = useNavigation((state) => state.tab);
  const snapshot = useMissionSnapshot(missionId);
  const [exporting, setExporting] = useState(false);
  const back = (
    <Button
      variant="subtle"
      color="gray"
      c="gray.8"
      leftSection={<IconArrowLeft size={18} aria-hidden />}
      onClick={() => openMission(null)}
      w="fit-content"
      px={4}
    >
      {t('missions.back')}
    </Button>
  );

  if (snapshot === undefined) return <Text role="status">{t('app.loading')}</Text>;
  if (snapshot === null) {
    return (
      <Stack>
        {back}
        <Title order={1}>{t('missions.title')}</Title>
        <Text>{t('missions.notFound')}</Text>
        <Anchor component="button" onClick={() => openMission(null)} w="fit-content">
          {t('missions.back')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <Stack data-testid="mission-detail">
      {back}
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{snapshot.mission.title}</Title>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFileExport size={18} aria-hidden />}
            onClick={() => setExporting(true)}
            data-testid="mission-detail-export-dossier"
          >
            {t('dossierFile.exportMenu')}
          </Button>
          <Badge size="lg" variant="outline" color="gray.8">
            {t(`status.${snapshot.mission.status}`)}
          </Badge>
        </Group>
      </Group>
      <DossierExportDialog mission={exporting ? snapshot.mission : null} onClose={() => setExporting(false)} />
      <Tabs
        value={tab ?? 'overview'}
        onChange={(value) => openMission(missionId, (value ?? 'overview') as MissionTab)}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('mission.tabs.label')} mb="md">
          <Tabs.Tab value="overview">{t('mission.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="delegation">
            {t('mission.tabs.delegation')} ({snapshot.delegation.length})
          </Tabs.Tab>
          <Tabs.Tab value="agenda">
            {t('mission.tabs.agenda')} ({snapshot.agenda.length})
          </Tabs.Tab>
          <Tabs.Tab value="targets">
            {t('mission.tabs.targets')} ({snapshot.targets.length})
          </Tabs.Tab>
          <Tabs.Tab value="tasks">
            {t('mission.tabs.tasks')} ({snapshot.tasks.filter((task) => !task.done).length})
          </Tabs.Tab>
          <Tabs.Tab value="briefing">{t('mission.tabs.briefing')}</Tabs.Tab>
          <Tabs.Tab value="book">{t('book.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="delegation">
          <DelegationTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda">
          <AgendaTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <Targets snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <TasksTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="briefing">
          <BriefingTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="book">
          <Suspense fallback={<Text role="status">{t('app.loading')}</Text>}>
            <BookPanel missionId={missionId} />
          </Suspense>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
