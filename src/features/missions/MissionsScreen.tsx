import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../domain/countries';
import type { Mission } from '../../domain/entities';
import { formatDate } from '../../domain/time';
import { MISSIONS_INTERACTIVE_MARK } from '../../shared/performance-marks';
import { useDossierActions } from '../../stores/dossier-actions';
import { useNavigation } from '../../stores/navigation';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { EmptyState } from '../common/EmptyState';
import { notify, notifyError } from '../common/errors';
import { ScreenHeader } from '../common/ScreenHeader';
import { MissionDetail } from './MissionDetail';
import { useMissionCounts, useMissions } from './use-missions';

function daysBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
}

function MissionCard({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const openMission = useNavigation((state) => state.openMission);
  const counts = useMissionCounts(mission.id);
  const titleId = `mission-${mission.id}`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId} data-testid="mission-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id={titleId}>
            {mission.title}
          </Title>
          <Badge variant="outline" color="gray.8" style={{ flexShrink: 0 }}>
            {t(`status.${mission.status}`)}
          </Badge>
        </Group>
        <Text c="gray.8">
          {mission.countryCodes.map((code) => countryName(code, language)).join(', ')} · {mission.cities.join(', ')}
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

function LoadSampleButton() {
  const { t } = useTranslation();
  const loading = useDossierActions((state) => state.loadingSample);
  const loadSample = useDossierActions((state) => state.loadSample);
  return (
    <Button
      loading={loading}
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

export function MissionsScreen() {
  const { t } = useTranslation();
  const missionId = useNavigation((state) => state.missionId);
  const missions = useMissions();
  const ready = missions !== undefined;

  useEffect(() => {
    if (ready && performance.getEntriesByName(MISSIONS_INTERACTIVE_MARK).length === 0)
      performance.mark(MISSIONS_INTERACTIVE_MARK);
  }, [ready]);

  if (missionId) return <MissionDetail missionId={missionId} />;

  return (
    <Stack data-testid="missions-screen" data-ready={ready}>
      <ScreenHeader title={t('missions.title')} intro={t('missions.intro')} />
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
        <section aria-label={t('missions.listLabel')}>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {missions.map((mission) => (
              <MissionCard key={mission.id} mission={mission} />
            ))}
          </SimpleGrid>
        </section>
      )}
    </Stack>
  );
}
