/** The agenda's warnings at the top of the tab: double bookings, items outside the mission, short hops. */
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../domain/time';
import { conflictItemIds, conflictMessage, WARNING_COLOR } from './conflict-text';
import { dayName, personName, type AgendaModel } from './use-agenda-model';

/** Shown before "show all": enough to act on, short enough to keep the agenda in view. */
const FIRST = 5;

export function ConflictPanel({
  model,
  mission,
  locale,
  onOpen,
}: {
  model: AgendaModel;
  mission: { readonly startDate: string; readonly endDate: string };
  locale: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { conflicts } = model;
  if (conflicts.length === 0) return null;
  const names = {
    person: (id: string) => personName(model.people, id, t),
    item: (id: string) => {
      const item = model.byId.get(id);
      const times = model.times.get(id);
      if (!item || !times) return '';
      return t('agenda.conflict.itemRef', {
        title: item.title,
        day: dayName(times.date, item.timeZone, locale),
        time: times.range.local,
      });
    },
  };
  // Only a date warning names the mission's dates; writing them out costs two Intl formatters.
  let dates: { start: string; end: string } | undefined;
  const missionDates = () =>
    (dates ??= { start: formatDate(mission.startDate, locale), end: formatDate(mission.endDate, locale) });
  const shown = all ? conflicts : conflicts.slice(0, FIRST);
  return (
    <Alert
      color={WARNING_COLOR}
      variant="outline"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('agenda.conflict.title', { count: conflicts.length })}
      data-testid="agenda-conflicts"
    >
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {shown.map((conflict, index) => {
          const first = conflictItemIds(conflict)[0] ?? '';
          return (
            <li key={index} data-testid="agenda-conflict" data-kind={conflict.kind}>
              <Text size="sm" span>
                {conflictMessage(t, conflict, names, missionDates)}{' '}
              </Text>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onOpen(first)}
                aria-label={t('agenda.conflict.openItem', { title: model.byId.get(first)?.title ?? '' })}
              >
                {t('agenda.conflict.open')}
              </Anchor>
            </li>
          );
        })}
      </ul>
      {conflicts.length > FIRST && (
        <Group mt="xs">
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(!all)}>
            {all ? t('agenda.conflict.showFewer') : t('agenda.conflict.showAll', { count: conflicts.length })}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
