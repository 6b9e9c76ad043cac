import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Menu,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  IconCopy,
  IconDots,
  IconArchive,
  IconPlus,
  IconTrash,
  IconArchiveOff,
  IconFileExport,
  IconFileImport,
} from '@tabler/icons-react';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, missionWrites, repositories } from '../../db';
import { countryName } from '../../domain/countries';
import type { Mission } from '../../domain/entities';
import { MISSION_KINDS, MISSION_STATUSES } from '../../domain/entities/mission';
import {
  filterChoices,
  filterMissions,
  MISSION_SORTS,
  NO_FILTER,
  sortMissions,
  type MissionFilter,
  type MissionSort,
} from '../../domain/mission-list';
import { formatDate } from '../../domain/time';
import { MISSIONS_INTERACTIVE_MARK } from '../../shared/performance-marks';
import { useDossierActions } from '../../stores/dossier-actions';
import { useNavigation } from '../../stores/navigation';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { EmptyState } from '../common/EmptyState';
import { notify, notifyError } from '../common/errors';
import { notifyUndoable } from '../common/notify-undoable';
import { ScreenHeader } from '../common/ScreenHeader';
import { DossierExportDialog } from './DossierExportDialog';
import { DossierImportDialog } from './DossierImportDialog';
import { DuplicateMissionDialog } from './DuplicateMissionDialog';
import { NewMissionDialog } from './NewMissionDialog';
import { useMissionCounts, useMissions } from './use-missions';

// The dossier (its editors, forms and agenda) is a chunk of its own: start-up loads only the list.
const MissionDetail = lazy(() => import('./MissionDetail').then((module) => ({ default: module.MissionDetail })));

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

interface CardActions {
  duplicate(mission: Mission): void;
  exportDossier(mission: Mission): void;
  remove(mission: Mission): void;
}

function MissionCard({ mission, actions }: { mission: Mission; actions: CardActions }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const openMission = useNavigation((state) => state.openMission);
  const record = useUndo((state) => state.record);
  const counts = useMissionCounts(mission.id);
  const titleId = `mission-${mission.id}`;
  const toggleArchived = () =>
    repositories.missions.updateUndoable(mission.id, { archived: !mission.archived }).then(
      ({ undo }) => {
        const message = t(mission.archived ? 'missionList.unarchived' : 'missionList.archived', {
          title: mission.title,
        });
        record({ label: message, steps: undo });
        notify(t, { color: 'green', message });
      },
      (error: unknown) => notifyError(t, error),
    );
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId} data-testid="mission-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={titleId}>
            {mission.title}
          </Title>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {mission.archived && (
              <Badge variant="light" color="gray.8">
                {t('missionList.archivedBadge')}
              </Badge>
            )}
            <Badge variant="outline" color="gray.8">
              {t(`status.${mission.status}`)}
            </Badge>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray.8"
                  aria-label={t('missionList.actionsFor', { title: mission.title })}
                  data-testid="mission-actions"
                >
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => actions.duplicate(mission)}>
                  {t('missionList.duplicate')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconFileExport size={16} aria-hidden />}
                  onClick={() => actions.exportDossier(mission)}
                  data-testid="mission-export-dossier"
                >
                  {t('dossierFile.exportMenu')}
                </Menu.Item>
                <Menu.Item
                  leftSection={
                    mission.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />
                  }
                  onClick={() => void toggleArchived()}
                >
                  {t(mission.archived ? 'missionList.unarchive' : 'missionList.archive')}
                </Menu.Item>
                <Menu.Item
                  color="red.8"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => actions.remove(mission)}
                >
                  {t('form.remove')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
        <Text c="gray.8">
          {mission.countryCodes.map((code) => countryName(code, language)).join(', ')}
          {mission.cities.length > 0 ? ` · ${mission.cities.join(', ')}` : ''}
        </Text>
        <Text size="sm">
          {formatDate(mission.startDate, LOCALES[language])} – {formatDate(mission.endDate, LOCALES[language])} ·{' '}
          {t('missions.days', { count: daysBetween(mission.startDate, mission.endDate) })}
        </Text>
        {counts && (
          <Text size="sm" c="gray.8">
            {t('missions.members', { count: counts.delegation })} ·{' '}
            {t('missions.agendaItems', { count: counts.agenda })}
          </Text>
        )}
        <Button
          variant="light"
          color="utrecht"
          w="fit-content"
          mt="xs"
          onClick={() => openMission(mission.id)}
          aria-describedby={titleId}
        >
          {t('missions.open')}
        </Button>
      </Stack>
    </Card>
  );
}

function LoadSampleButton({ variant }: { variant?: 'default' }) {
  const { t } = useTranslation();
  const loading = useDossierActions((state) => state.loadingSample);
  const loadSample = useDossierActions((state) => state.loadSample);
  return (
    <Button
      loading={loading}
      variant={variant}
      data-testid="load-sample"
      onClick={() =>
        loadSample().then(
          () => notify(t, { color: 'green', message: t('missions.sampleLoaded') }),
          (error: unknown) => notifyError(t, error),
        )
      }
    >
      {t('missions.loadSample')}
    </Button>
  );
}

function Filters({
  filter,
  sort,
  onFilter,
  onSort,
  missions,
}: {
  filter: MissionFilter;
  sort: MissionSort;
  onFilter: (filter: MissionFilter) => void;
  onSort: (sort: MissionSort) => void;
  missions: readonly Mission[];
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const choices = useMemo(() => filterChoices(missions), [missions]);
  const all = { value: '', label: t('missionList.all') };
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('missionList.filters')}>
      <TextInput
        label={t('missionList.titleFilter')}
        value={filter.text}
        onChange={(event) => onFilter({ ...filter, text: event.currentTarget.value })}
        w={220}
        data-testid="mission-filter-text"
      />
      <Select
        label={t('mission.status')}
        data={[all, ...MISSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        value={filter.status}
        onChange={(value) => onFilter({ ...filter, status: (value ?? '') as MissionFilter['status'] })}
        allowDeselect={false}
        w={170}
      />
      <Select
        label={t('missionList.country')}
        data={[all, ...choices.countries.map((code) => ({ value: code, label: countryName(code, language) }))]}
        value={filter.country}
        onChange={(value) => onFilter({ ...filter, country: value ?? '' })}
        allowDeselect={false}
        w={170}
      />
      <Select
        label={t('missionList.year')}
        data={[all, ...choices.years.map((year) => ({ value: year, label: year }))]}
        value={filter.year}
        onChange={(value) => onFilter({ ...filter, year: value ?? '' })}
        allowDeselect={false}
        w={110}
      />
      <Select
        label={t('mission.kind')}
        data={[all, ...MISSION_KINDS.map((kind) => ({ value: kind, label: t(`missionKind.${kind}`) }))]}
        value={filter.kind}
        onChange={(value) => onFilter({ ...filter, kind: (value ?? '') as MissionFilter['kind'] })}
        allowDeselect={false}
        w={150}
      />
      <Select
        label={t('missionList.sort')}
        data={MISSION_SORTS.map((value) => ({ value, label: t(`missionList.sorts.${value}`) }))}
        value={sort}
        onChange={(value) => onSort((value ?? 'startAsc') as MissionSort)}
        allowDeselect={false}
        // Wide enough for the longest choice, "Begindatum (nieuwste eerst)", in both languages.
        w={280}
      />
      <Switch
        label={t('missionList.showArchived')}
        checked={filter.showArchived}
        onChange={(event) => onFilter({ ...filter, showArchived: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}

export function MissionsScreen() {
  const { t } = useTranslation();
  const missionId = useNavigation((state) => state.missionId);
  const missions = useMissions();
  const ready = missions !== undefined;
  const record = useUndo((state) => state.record);
  const [filter, setFilter] = useState<MissionFilter>(NO_FILTER);
  const [sort, setSort] = useState<MissionSort>('startAsc');
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<Mission | null>(null);
  const [removing, setRemoving] = useState<Mission | null>(null);
  const [exporting, setExporting] = useState<Mission | null>(null);
  const [importing, setImporting] = useState(false);
  const shown = useMemo(() => sortMissions(filterMissions(missions ?? [], filter), sort), [missions, filter, sort]);

  useEffect(() => {
    if (ready && performance.getEntriesByName(MISSIONS_INTERACTIVE_MARK).length === 0)
      performance.mark(MISSIONS_INTERACTIVE_MARK);
  }, [ready]);

  if (missionId) {
    return (
      <Suspense fallback={<Text role="status">{t('app.loading')}</Text>}>
        <MissionDetail missionId={missionId} />
      </Suspense>
    );
  }

  const confirmRemove = async () => {
    const mission = removing;
    setRemoving(null);
    if (!mission) return;
    try {
      const { undo } = await missionWrites.removeMission(db, mission.id);
      const label = t('form.deleted', { name: mission.title });
      record({ label, steps: undo });
      notifyUndoable(t, label);
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Stack data-testid="missions-screen" data-ready={ready}>
      <ScreenHeader title={t('missions.title')} intro={t('missions.intro')} />
      <Group>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="new-mission"
        >
          {t('missionList.new')}
        </Button>
        {missions && missions.length > 0 && <LoadSampleButton variant="default" />}
        <Button
          variant="default"
          leftSection={<IconFileImport size={18} aria-hidden />}
          onClick={() => setImporting(true)}
          data-testid="import-dossier"
        >
          {t('dossierFile.importButton')}
        </Button>
      </Group>
      {missions === undefined ? (
        <Text role="status">{t('app.loading')}</Text>
      ) : missions.length === 0 ? (
        <EmptyState
          testId="missions-empty"
          title={t('missions.emptyTitle')}
          body={t('missions.emptyBody')}
          action={<LoadSampleButton />}
        />
      ) : (
        <>
          <Filters filter={filter} sort={sort} onFilter={setFilter} onSort={setSort} missions={missions} />
          <section aria-label={t('missions.listLabel')}>
            {shown.length === 0 ? (
              <Text>{t('missionList.noMatch')}</Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                {shown.map((mission) => (
                  <MissionCard
                    key={mission.id}
                    mission={mission}
                    actions={{ duplicate: setDuplicating, exportDossier: setExporting, remove: setRemoving }}
                  />
                ))}
              </SimpleGrid>
            )}
          </section>
        </>
      )}
      <NewMissionDialog opened={creating} onClose={() => setCreating(false)} />
      <DuplicateMissionDialog mission={duplicating} onClose={() => setDuplicating(null)} />
      <DossierExportDialog mission={exporting} onClose={() => setExporting(null)} />
      <DossierImportDialog opened={importing} onClose={() => setImporting(false)} />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('missionList.removeTitle')}>
        <Stack>
          <Text>{t('missionList.removeBody', { title: removing?.title ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('form.cancel')}
            </Button>
            <Button color="red.8" onClick={() => void confirmRemove()} data-testid="confirm-remove">
              {t('form.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
