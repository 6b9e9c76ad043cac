import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import { countryName } from '../../domain/countries';
import { displayName } from '../../domain/entities/person';
import { formatDate, formatDayIn, formatTimeIn, HOME_ZONE, localDateIn } from '../../domain/time';
import { useNavigation } from '../../stores/navigation';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { NoteCard } from '../common/NoteCard';
import { useMissionSnapshot } from './use-missions';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function LocalName({ name, lang }: { name: string; lang: string }) {
  if (!name) return null;
  return (
    <Text span className="local-name" lang={lang || undefined} c="gray.8">
      {' '}
      {name}
    </Text>
  );
}

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

function Agenda({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  if (snapshot.agenda.length === 0) return <Text>{t('mission.noAgenda')}</Text>;
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const days = new Map<string, typeof snapshot.agenda>();
  for (const item of snapshot.agenda) {
    const day = localDateIn(item.start, item.timeZone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  return (
    <Stack gap="lg" data-testid="agenda">
      {[...days.entries()].map(([day, items]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <Title order={3} size="h4" id={`day-${day}`} mb="xs">
            {items[0] ? capitalise(formatDayIn(items[0].start, items[0].timeZone, LOCALES[language])) : day}
          </Title>
          <Stack gap="xs">
            {items.map((item) => {
              const organisation = organisations.get(item.organisationId);
              const local = `${formatTimeIn(item.start, item.timeZone, LOCALES[language])}–${formatTimeIn(item.end, item.timeZone, LOCALES[language])}`;
              const home = `${formatTimeIn(item.start, HOME_ZONE, LOCALES[language])}–${formatTimeIn(item.end, HOME_ZONE, LOCALES[language])}`;
              return (
                <Paper key={item.id} withBorder p="sm" radius="sm" data-testid="agenda-item">
                  <Group align="flex-start" wrap="nowrap" gap="lg">
                    <Stack gap={0} miw={120}>
                      <Text fw={700} aria-label={`${t('mission.localTime', { zone: item.timeZone })}: ${local}`}>
                        {local}
                      </Text>
                      <Text size="sm" c="gray.8" aria-label={`${t('mission.homeTime')}: ${home}`}>
                        {t('mission.nlTime', { time: home })}
                      </Text>
                    </Stack>
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Text fw={600}>{item.title}</Text>
                        <Badge size="sm" variant="outline" color="gray.8">
                          {t(`agendaKind.${item.kind}`)}
                        </Badge>
                      </Group>
                      <Text size="sm">
                        {item.location}
                        {item.city && item.location ? ` · ${item.city}` : item.city}
                      </Text>
                      {organisation && (
                        <Text size="sm">
                          {t('mission.counterpart')}: {organisation.name}
                          <LocalName name={organisation.localName} lang={organisation.localNameLang} />
                        </Text>
                      )}
                      <Text size="sm" c="gray.8">
                        {t('mission.participants', { count: item.participantIds.length })}
                        {item.notes ? ` · ${item.notes}` : ''}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        </section>
      ))}
    </Stack>
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
              <Table.Td ta="center" aria-label={t('mission.priorityValue', { value: target.priority })}>
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
          <Agenda snapshot={snapshot} />
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
