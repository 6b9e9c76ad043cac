/** The fields of an agenda item, shared by the create dialog and the autosaving editor. */
import { Fieldset, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useMemo } from 'react';
import { useController, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { sortDelegation, timeRangeInTwoZones } from '../../domain/dossier-view';
import type { DelegationMember, Person } from '../../domain/entities';
import { AGENDA_KINDS } from '../../domain/entities/agenda-item';
import { displayName } from '../../domain/entities/person';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { fieldErrorText } from '../common/forms/field-error';
import { MultiSelectField, SelectField, SwitchField, TextAreaField, TextField } from '../common/forms/fields';
import { zoneChoices } from '../common/forms/zone-choices';
import { organisationSource, RegistrySingleField } from '../common/forms/registry-pickers';
import { instantsOf, NOT_A_TIME, OUTSIDE_MISSION, type AgendaFormInput } from './agenda-form';
import { contactsOf } from './organisation-contacts';

type FormControl = Control<AgendaFormInput>;

/** Date and clock-time inputs, whose messages name the mission's dates or the expected time shape. */
function LocalTimeInput({
  control,
  name,
  label,
  type,
  mission,
}: {
  control: FormControl;
  name: 'date' | 'startTime' | 'endTime';
  label: string;
  type: 'date' | 'time';
  /** The mission's first and last day, named in the message for a date outside them. */
  mission: { readonly startDate: string; readonly endDate: string };
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const { field, fieldState } = useController({ control, name });
  const error = fieldState.error;
  const message = !error
    ? undefined
    : error.message === OUTSIDE_MISSION
      ? t('validation.outsideMission', {
          start: formatDate(mission.startDate, LOCALES[language]),
          end: formatDate(mission.endDate, LOCALES[language]),
        })
      : error.message === NOT_A_TIME
        ? t('agenda.form.timeInvalid')
        : fieldErrorText(t, error);
  return (
    <TextInput
      type={type}
      label={label}
      withAsterisk
      value={(field.value as string | undefined) ?? ''}
      onChange={(event) => field.onChange(event.currentTarget.value)}
      onBlur={field.onBlur}
      ref={field.ref}
      name={field.name}
      error={message}
    />
  );
}

/** "= 02:00–03:00 Dutch time": the times as entered, on Dutch clocks, while they are typed. */
function HomeTimePreview({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const [date, startTime, endTime, endsNextDay, timeZone] = useWatch({
    control,
    name: ['date', 'startTime', 'endTime', 'endsNextDay', 'timeZone'],
  });
  const times = instantsOf({ date, startTime, endTime, endsNextDay: endsNextDay ?? false, timeZone });
  if (!times || times.end < times.start) return null;
  const range = timeRangeInTwoZones({ ...times, timeZone }, LOCALES[language]);
  return (
    <Text size="sm" c="gray.8" data-testid="home-time-preview">
      {t('agenda.form.homePreview', { time: range.home })}
      {range.homeDayOffset !== 0 && ` ${t(range.homeDayOffset < 0 ? 'agenda.dayBefore' : 'agenda.dayAfter')}`}
    </Text>
  );
}

/** What the fields need of the mission; the same object for as long as its content is the same. */
export interface ItemFormContext {
  readonly mission: { readonly startDate: string; readonly endDate: string; readonly timeZone: string };
  readonly delegation: readonly DelegationMember[];
  readonly people: ReadonlyMap<string, Person>;
}

/**
 * Memoised: a save reloads the mission snapshot, and redrawing every field of the open dialog
 * (autosizing text areas measure themselves) would make each save slow.
 */
export const ItemFormFields = memo(function ItemFormFields({
  control,
  context,
}: {
  control: FormControl;
  context: ItemFormContext;
}) {
  const { t } = useTranslation();
  const { mission, people } = context;
  const [organisationId, contactIds, timeZone] = useWatch({
    control,
    name: ['organisationId', 'contactIds', 'timeZone'],
  });

  const kinds = useMemo(() => AGENDA_KINDS.map((kind) => ({ value: kind, label: t(`agendaKind.${kind}`) })), [t]);
  const zones = useMemo(() => zoneChoices(mission.timeZone, timeZone ?? ''), [mission.timeZone, timeZone]);
  const members = useMemo(
    () =>
      sortDelegation(context.delegation, (id) => people.get(id)).map((member) => {
        const person = people.get(member.personId);
        return {
          value: member.personId,
          label: `${person ? displayName(person) : t('form.none')} (${t(`role.${member.role}`)})`,
        };
      }),
    [context.delegation, people, t],
  );
  const registered = useLiveQuery(() => contactsOf(db, organisationId ?? ''), [organisationId]);
  const contacts = useMemo(() => {
    const options = (registered ?? []).map((person) => ({
      value: person.id,
      label: person.jobTitle ? `${displayName(person)} (${person.jobTitle})` : displayName(person),
    }));
    // Contacts chosen earlier stay listed (and removable) even when they moved organisation.
    for (const id of contactIds ?? []) {
      const person = people.get(id);
      if (!options.some((option) => option.value === id))
        options.push({ value: id, label: person ? displayName(person) : t('form.none') });
    }
    return options;
  }, [registered, contactIds, people, t]);

  return (
    <Stack gap="md">
      <Fieldset legend={t('agenda.form.when')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextField control={control} name="title" label={t('agenda.form.title')} required />
            <SelectField control={control} name="kind" label={t('agenda.form.kind')} data={kinds} required />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <LocalTimeInput control={control} name="date" type="date" mission={mission} label={t('agenda.form.date')} />
            <LocalTimeInput
              control={control}
              name="startTime"
              type="time"
              mission={mission}
              label={t('agenda.form.startTime')}
            />
            <LocalTimeInput
              control={control}
              name="endTime"
              type="time"
              mission={mission}
              label={t('agenda.form.endTime')}
            />
          </SimpleGrid>
          <SwitchField control={control} name="endsNextDay" label={t('agenda.form.endsNextDay')} />
          <SelectField
            control={control}
            name="timeZone"
            label={t('agenda.form.timeZone')}
            description={t('agenda.form.timeZoneHelp')}
            data={zones}
            searchable
            required
          />
          <HomeTimePreview control={control} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('agenda.form.where')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextField control={control} name="location" label={t('agenda.form.location')} />
          <TextField control={control} name="city" label={t('agenda.form.city')} />
          <TextField control={control} name="address" label={t('agenda.form.address')} />
          <TextField
            control={control}
            name="mapsUrl"
            type="url"
            label={t('agenda.form.mapsUrl')}
            description={t('agenda.form.mapsUrlHelp')}
            placeholder="https://"
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('agenda.form.who')}>
        <Stack gap="sm">
          <MultiSelectField
            control={control}
            name="participantIds"
            label={t('agenda.form.participants')}
            description={t('agenda.form.participantsHelp')}
            data={members}
            searchable
          />
          <RegistrySingleField
            source={organisationSource}
            control={control}
            name="organisationId"
            label={t('agenda.form.organisation')}
            description={t('agenda.form.organisationHelp')}
          />
          <MultiSelectField
            control={control}
            name="contactIds"
            label={t('agenda.form.contacts')}
            description={t('agenda.form.contactsHelp')}
            data={contacts}
            searchable
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('agenda.form.briefing')}>
        <Stack gap="sm">
          <TextAreaField control={control} name="objective" label={t('agenda.form.objective')} minRows={2} />
          <TextAreaField control={control} name="talkingPoints" label={t('agenda.form.talkingPoints')} />
          <TextAreaField control={control} name="background" label={t('agenda.form.background')} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('agenda.form.logistics')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextField control={control} name="transport" label={t('agenda.form.transport')} />
            <TextField control={control} name="dressCode" label={t('agenda.form.dressCode')} />
          </SimpleGrid>
          <TextAreaField control={control} name="notes" label={t('agenda.form.notes')} minRows={2} />
          <TextAreaField control={control} name="outcome" label={t('agenda.form.outcome')} minRows={2} />
        </Stack>
      </Fieldset>
    </Stack>
  );
});
