import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import { formatDayIn, formatTimeIn, HOME_ZONE, localDateIn } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { LocalName } from '../common/LocalName';

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The mission's agenda, grouped by local day, in local and Dutch time. */
export function AgendaTab({ snapshot }: { snapshot: MissionSnapshot }) {
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
