/** The live readiness check: what still blocks a good briefing book, each linking to its place. */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import { displayName } from '../../domain/entities/person';
import { readinessIssues, type ReadinessIssue } from '../../domain/readiness';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { useNavigation, type MissionTab } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';

function target(issue: ReadinessIssue): { tab: MissionTab; focusId?: string } {
  switch (issue.kind) {
    case 'no_assessment':
      return { tab: 'overview' };
    case 'meeting_unprepared':
      return { tab: 'agenda', focusId: issue.itemId };
    case 'member_no_arrival':
    case 'passport_expiring':
      return { tab: 'delegation', focusId: issue.memberId };
    case 'counterpart_no_profile':
      return { tab: 'agenda', focusId: issue.itemId };
  }
}

export function ReadinessPanel({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const openMission = useNavigation((state) => state.openMission);
  const issues = useMemo(() => readinessIssues(snapshot), [snapshot]);
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const items = new Map(snapshot.agenda.map((a) => [a.id, a]));
  const organisations = new Map(snapshot.organisations.map((o) => [o.id, o]));
  const describe = (issue: ReadinessIssue): string => {
    switch (issue.kind) {
      case 'no_assessment':
        return t('readiness.no_assessment');
      case 'meeting_unprepared':
        return t(issue.missing === 'objective' ? 'readiness.meeting_objective' : 'readiness.meeting_talkingPoints', {
          title: items.get(issue.itemId)?.title ?? '',
        });
      case 'member_no_arrival': {
        const person = people.get(issue.personId);
        return t('readiness.member_no_arrival', { name: person ? displayName(person) : '' });
      }
      case 'passport_expiring': {
        const person = people.get(issue.personId);
        return t('readiness.passport_expiring', {
          name: person ? displayName(person) : '',
          date: formatDate(issue.expiry, LOCALES[language]),
        });
      }
      case 'counterpart_no_profile':
        return t('readiness.counterpart_no_profile', { name: organisations.get(issue.organisationId)?.name ?? '' });
    }
  };
  if (issues.length === 0) {
    return (
      <Alert color="green" variant="light" title={t('readiness.title')} data-testid="readiness">
        {t('readiness.allClear')}
      </Alert>
    );
  }
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('readiness.count', { count: issues.length })}
      data-testid="readiness"
    >
      <List spacing={4} size="sm">
        {issues.map((issue, index) => {
          const place = target(issue);
          return (
            <List.Item key={`${issue.kind}-${index}`}>
              <Text span size="sm">
                {describe(issue)}{' '}
              </Text>
              <Anchor
                component="button"
                size="sm"
                aria-label={`${t('readiness.fix')}: ${describe(issue)}`}
                onClick={() => openMission(snapshot.mission.id, place.tab, place.focusId)}
              >
                {t('readiness.fix')}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
