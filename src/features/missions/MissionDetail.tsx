import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import { countryName } from '../../domain/countries';
import { displayName } from '../../domain/entities/person';
import { formatDate } from '../../domain/time';
import { useNavigation } from '../../stores/navigation';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { NoteCard } from '../common/NoteCard';
import { LocalName } from '../common/LocalName';
import { AgendaTab } from '../agenda/AgendaTab';
import { useMissionSnapshot } from './use-missions';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

function Overview({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const { mission } = snapshot;
  const headMember = snapshot.delegation.find((member) => member.role === 'head');
  const head = snapshot.people.find((person) => person.id === headMember?.personId);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Fact label={t('mission.destination')}>
          {mission.countryCodes.map((code) => countryName(code, language)).join(', ')} · {mission.cities.join(', ')}
        </Fact>
        <Fact label={t('mission.period')}>
          {formatDate(mission.startDate, LOCALES[language])} – {formatDate(mission.endDate, LOCALES[language])}
        </Fact>
        <Fact label={t('mission.kind')}>{t(`missionKind.${mission.kind}`)}</Fact>
        <Fact label={t('mission.status')}>{t(`status.${mission.status}`)}</Fact>
        <Fact label={t('mission.delegationHead')}>{head ? `${displayName(head)}, ${head.jobTitle}` : '—'}</Fact>
        <Fact label={t('mission.sectors')}>{mission.sectors.map((s) => t(`sector.${s}`)).join(', ') || '—'}</Fact>
      </SimpleGrid>
      <div>
        <Title order={3} size="h4" mb={4}>
          {t('mission.purpose')}
        </Title>
        <Text maw={760}>{mission.purpose}</Text>
      </div>
    </Stack>
  );
}

function Delegation({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  if (snapshot.delegation.length === 0) return <Text>{t('mission.noDelegation')}</Text>;
  const people = new Map(snapshot.people.map((person) => [person.id, person]));
  const order = ['head', 'administrator', 'official', 'support', 'company'];
  const members = [...snapshot.delegation].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return (
    <Table striped withTableBorder verticalSpacing="sm" data-testid="delegation-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('mission.name')}</Table.Th>
          <Table.Th scope="col">{t('mission.role')}</Table.Th>
          <Table.Th scope="col">{t('mission.jobTitle')}</Table.Th>
          <Table.Th scope="col">{t('mission.organisation')}</Table.Th>
          <Table.Th scope="col">{t('mission.travel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((member) => {
          const person = people.get(member.personId);
          return (
            <Table.Tr key={member.id}>
              <Table.Td fw={600}>{person ? displayName(person) : '—'}</Table.Td>
              <Table.Td>{t(`role.${member.role}`)}</Table.Td>
              <Table.Td>{person?.jobTitle}</Table.Td>
              <Table.Td>{person?.organisationName}</Table.Td>
              <Table.Td>{member.travelNotes}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

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

function Briefing({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  if (snapshot.notes.length === 0) return <Text>{t('mission.noBriefing')}</Text>;
  return (
    <Stack gap="md" maw={800}>
      {snapshot.notes.map((note) => (
        <NoteCard key={note.id} note={note} />
      ))}
    </Stack>
  );
}

export function MissionDetail({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const openMission = useNavigation((state) => state.openMission);
  const snapshot = useMissionSnapshot(missionId);
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
        <Badge size="lg" variant="outline" color="gray.8">
          {t(`status.${snapshot.mission.status}`)}
        </Badge>
      </Group>
      <Tabs defaultValue="overview" keepMounted={false}>
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
          <Tabs.Tab value="briefing">{t('mission.tabs.briefing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="delegation">
          <Delegation snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="agenda">
          <AgendaTab snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="targets">
          <Targets snapshot={snapshot} />
        </Tabs.Panel>
        <Tabs.Panel value="briefing">
          <Briefing snapshot={snapshot} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
