/** A delegation member's role and travel: arrival and departure in their own zones, hotel, notes. */
import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { repositories } from '../../db';
import type { DelegationMember, Mission } from '../../domain/entities';
import { userFieldsOf } from '../../domain/entities/common';
import { DELEGATION_ROLES, DelegationMemberFields, TRAVEL_MODES } from '../../domain/entities/delegation-member';
import { useUndo } from '../../stores/undo';
import { SelectField, TextAreaField, TextField, ZonedDateTimeField } from '../common/forms/fields';
import { SaveStatus } from '../common/forms/SaveStatus';
import { zoneChoices } from '../common/forms/zone-choices';
import { useAutosaveForm } from '../common/forms/use-autosave-form';

type Values = z.input<typeof DelegationMemberFields>;

function Leg({
  control,
  leg,
  fallbackZone,
}: {
  control: Control<Values>;
  leg: 'arrival' | 'departure';
  fallbackZone: string;
}) {
  const { t } = useTranslation();
  const zone = useWatch({ control, name: `${leg}TimeZone` }) || fallbackZone;
  const zones = useMemo(() => zoneChoices(), []);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${leg}-title`}>
      <Title order={3} size="h5" id={`${leg}-title`}>
        {t(`delegationEdit.${leg}`)}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={control}
          name={`${leg}Mode`}
          label={t('delegationEdit.mode')}
          data={TRAVEL_MODES.filter((mode) => mode !== '').map((mode) => ({
            value: mode,
            label: t(`delegationEdit.modes.${mode}`),
          }))}
          clearable
        />
        <TextField control={control} name={`${leg}Number`} label={t('delegationEdit.number')} />
      </SimpleGrid>
      <SelectField
        control={control}
        name={`${leg}TimeZone`}
        label={t('delegationEdit.zone')}
        data={zones}
        searchable
        clearable
      />
      <ZonedDateTimeField
        control={control}
        name={`${leg}At`}
        label={t('delegationEdit.localTime', { zone })}
        zone={zone}
      />
    </Stack>
  );
}

export function MemberEditor({ member, mission }: { member: DelegationMember; mission: Mission }) {
  const { t } = useTranslation();
  const record = useUndo((state) => state.record);
  const values = useMemo(() => userFieldsOf(member) as Values, [member]);
  const { form, state, error } = useAutosaveForm({
    schema: DelegationMemberFields,
    values,
    save: async (next) => {
      // A time typed in the mission's zone keeps that zone explicitly.
      const withZones = {
        ...next,
        arrivalTimeZone: next.arrivalAt && !next.arrivalTimeZone ? mission.timeZone : next.arrivalTimeZone,
        departureTimeZone: next.departureAt && !next.departureTimeZone ? mission.timeZone : next.departureTimeZone,
      };
      const { undo } = await repositories.delegation.updateUndoable(member.id, withZones);
      record({ label: t('form.saved'), steps: undo });
    },
  });
  return (
    <form onSubmit={(event) => event.preventDefault()} noValidate data-testid="member-editor">
      <Stack gap="md">
        <Group justify="flex-end">
          <SaveStatus state={state} error={error} />
        </Group>
        <SelectField
          control={form.control}
          name="role"
          label={t('mission.role')}
          data={DELEGATION_ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          required
        />
        <Leg control={form.control} leg="arrival" fallbackZone={mission.timeZone} />
        <Leg control={form.control} leg="departure" fallbackZone={mission.timeZone} />
        <TextField control={form.control} name="hotel" label={t('delegationEdit.hotel')} />
        <TextAreaField control={form.control} name="travelNotes" label={t('delegationEdit.travelNotes')} minRows={2} />
      </Stack>
    </form>
  );
}
