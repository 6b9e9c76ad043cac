/** What the team did with the organisation: missions that target it and meetings held with it, each a link into the dossier. */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import { formatDate, formatDayIn, formatTimeIn } from '../../domain/time';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';

const LIST = { listStyle: 'none', margin: 0, padding: 0 } as const;

export function OrganisationActivity({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const openMission = useNavigation((state) => state.openMission);
  const targeting = useLiveQuery(() => queries.missionsTargeting(db, organisationId), [organisationId]);
  const meetings = useLiveQuery(() => queries.meetingsWith(db, organisationId), [organisationId]);

  return (
    <Stack gap="md">
      <Stack gap={4} component="section" aria-labelledby="organisation-missions-title">
        <Title order={3} size="h4" id="organisation-missions-title">
          {t('companies.activity.missions')}
        </Title>
        {targeting === undefined ? (
          <Text role="status">{t('app.loading')}</Text>
        ) : targeting.length === 0 ? (
          <Text size="sm">{t('companies.activity.noMissions')}</Text>
        ) : (
          <ul style={LIST} data-testid="organisation-missions">
            {targeting.map(({ target, mission }) => (
              <li key={target.id}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => openMission(mission.id, 'targets', target.id)}
                >
                  {mission.title}
                </Anchor>
                <Text span size="sm" c="gray.8">
                  {' '}
                  · {formatDate(mission.startDate, locale)} ·{' '}
                  {t('companies.activity.priority', { priority: String(target.priority) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
      <Stack gap={4} component="section" aria-labelledby="organisation-meetings-title">
        <Title order={3} size="h4" id="organisation-meetings-title">
          {t('companies.activity.meetings')}
        </Title>
        {meetings === undefined ? (
          <Text role="status">{t('app.loading')}</Text>
        ) : meetings.length === 0 ? (
          <Text size="sm">{t('companies.activity.noMeetings')}</Text>
        ) : (
          <ul style={LIST} data-testid="organisation-meetings">
            {meetings.map(({ item, mission }) => (
              <li key={item.id}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => openMission(mission.id, 'agenda', item.id)}
                >
                  {item.title}
                </Anchor>
                <Text span size="sm" c="gray.8">
                  {' '}
                  · {formatDayIn(item.start, item.timeZone, locale)} {formatTimeIn(item.start, item.timeZone, locale)} ·{' '}
                  {mission.title}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </Stack>
  );
}
