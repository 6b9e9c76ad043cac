/** "Agenda exporteren (.ics)": the whole delegation's agenda or one member's, saved through the host. */
import { Button, Group, Select } from '@mantine/core';
import { IconCalendarDown } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildIcs } from '../../book/ics';
import type { MissionSnapshot } from '../../db/snapshot';
import { sortDelegation } from '../../domain/dossier-view';
import { displayName } from '../../domain/entities/person';
import { foldForSearch } from '../../domain/text';
import { getHost } from '../../platform';
import { usePreferences } from '../../stores/preferences';
import { notify, notifyError } from '../common/errors';

const WHOLE_DELEGATION = 'all';

/** A file name from a title: folded, letters and digits joined by hyphens ("handelsmissie-taiwan"). */
export function fileStem(title: string): string {
  return (
    foldForSearch(title)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'agenda'
  );
}

export function IcsExport({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const [who, setWho] = useState(WHOLE_DELEGATION);
  const [busy, setBusy] = useState(false);
  const people = useMemo(() => new Map(snapshot.people.map((person) => [person.id, person])), [snapshot.people]);
  const options = useMemo(
    () => [
      { value: WHOLE_DELEGATION, label: t('agenda.export.wholeDelegation') },
      ...sortDelegation(snapshot.delegation, (id) => people.get(id)).flatMap((member) => {
        const person = people.get(member.personId);
        return person ? [{ value: member.personId, label: displayName(person) }] : [];
      }),
    ],
    [snapshot.delegation, people, t],
  );

  const exportIcs = async () => {
    setBusy(true);
    try {
      const personId = who === WHOLE_DELEGATION ? undefined : who;
      const text = buildIcs(
        {
          mission: snapshot.mission,
          items: snapshot.agenda,
          people,
          organisations: new Map(snapshot.organisations.map((organisation) => [organisation.id, organisation])),
          personId,
        },
        { now: new Date(), language },
      );
      const person = personId ? people.get(personId) : undefined;
      const stem = fileStem(person ? `${snapshot.mission.title} ${displayName(person)}` : snapshot.mission.title);
      const saved = await getHost().saveFile({
        suggestedName: `${stem}.ics`,
        data: text,
        // The host derives the type (text/calendar) and the dialog's .ics filter from the kind.
        kind: 'ics',
      });
      if (saved.status === 'saved')
        notify(t, { color: 'green', message: t('agenda.export.saved', { location: saved.location }) });
    } catch (error) {
      notifyError(t, error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={t('agenda.export.for')}
        data={options}
        value={who}
        onChange={(next) => setWho(next ?? WHOLE_DELEGATION)}
        allowDeselect={false}
        searchable={options.length > 10}
        w={240}
        comboboxProps={{ withinPortal: true }}
        data-testid="agenda-export-for"
      />
      <Button
        variant="default"
        leftSection={<IconCalendarDown size={18} aria-hidden />}
        onClick={() => void exportIcs()}
        loading={busy}
        data-testid="agenda-export"
      >
        {t('agenda.export.button')}
      </Button>
    </Group>
  );
}
