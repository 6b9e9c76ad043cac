/** Adds a member: someone from the people registry, or a new person created in the same write. */
import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, missionWrites } from '../../db';
import { DELEGATION_ROLES, type DelegationRole } from '../../domain/entities/delegation-member';
import { PERSON_KINDS, PersonFields, displayName } from '../../domain/entities/person';
import { useUndo } from '../../stores/undo';
import { errorMessage } from '../common/errors';
import { fieldErrorText } from '../common/forms/field-error';
import { notify } from '../common/errors';
import { usePeopleChoices } from './use-people-choices';

type PersonKind = (typeof PERSON_KINDS)[number];
const EMPTY = {
  givenName: '',
  familyName: '',
  kind: 'official' as PersonKind,
  jobTitle: '',
  organisationName: '',
  email: '',
};

export function AddMemberDialog({
  opened,
  onClose,
  missionId,
  memberIds,
}: {
  opened: boolean;
  onClose: () => void;
  missionId: string;
  memberIds: readonly string[];
}) {
  const { t } = useTranslation();
  const record = useUndo((state) => state.record);
  const people = usePeopleChoices();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [personId, setPersonId] = useState<string | null>(null);
  const [person, setPerson] = useState(EMPTY);
  const [role, setRole] = useState<DelegationRole>('official');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setPerson(EMPTY);
    setPersonId(null);
    setErrors({});
    setFailure(null);
    onClose();
  };

  const submit = async () => {
    setFailure(null);
    let target: { existingId: string } | { create: PersonFields };
    if (mode === 'existing') {
      if (!personId) return setErrors({ personId: t('validation.required') });
      if (memberIds.includes(personId)) return setErrors({ personId: t('delegationEdit.alreadyMember') });
      target = { existingId: personId };
    } else {
      const parsed = PersonFields.safeParse(person);
      if (!parsed.success) {
        return setErrors(
          Object.fromEntries(
            parsed.error.issues.map((issue) => [String(issue.path[0]), fieldErrorText(t, issue) ?? '']),
          ),
        );
      }
      target = { create: parsed.data };
    }
    setErrors({});
    setBusy(true);
    try {
      const { result, undo } = await missionWrites.addDelegationMember(db, missionId, target, { role });
      const name =
        'create' in target
          ? displayName(target.create)
          : (people?.find((p) => p.value === result.personId)?.label ?? '');
      const message = t('delegationEdit.added', { name });
      record({ label: message, steps: undo });
      notify(t, { color: 'green', message });
      close();
    } catch (error) {
      setFailure(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: keyof typeof EMPTY, label: string, required = false, type = 'text') => (
    <TextInput
      label={label}
      withAsterisk={required}
      type={type}
      value={person[field]}
      onChange={(event) => setPerson({ ...person, [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );

  return (
    <Modal opened={opened} onClose={close} title={t('delegationEdit.addTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
        data-testid="add-member-form"
      >
        <Stack>
          <SegmentedControl
            aria-label={t('delegationEdit.person')}
            value={mode}
            onChange={(value) => setMode(value === 'new' ? 'new' : 'existing')}
            data={[
              { value: 'existing', label: t('delegationEdit.existing') },
              { value: 'new', label: t('delegationEdit.newPerson') },
            ]}
          />
          {mode === 'existing' ? (
            <Select
              label={t('delegationEdit.person')}
              withAsterisk
              searchable
              data={people ?? []}
              value={personId}
              onChange={setPersonId}
              error={errors.personId}
              comboboxProps={{ withinPortal: true }}
              data-testid="member-person"
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text('givenName', t('delegationEdit.givenName'), true)}
              {text('familyName', t('delegationEdit.familyName'), true)}
              <Select
                label={t('delegationEdit.personKind')}
                withAsterisk
                data={PERSON_KINDS.map((kind) => ({ value: kind, label: t(`personKind.${kind}`) }))}
                value={person.kind}
                onChange={(value) => setPerson({ ...person, kind: (value ?? 'official') as PersonKind })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
              />
              {text('jobTitle', t('mission.jobTitle'))}
              {text('organisationName', t('mission.organisation'))}
              {text('email', t('delegationEdit.email'), false, 'email')}
            </SimpleGrid>
          )}
          <Select
            label={t('mission.role')}
            withAsterisk
            data={DELEGATION_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
            value={role}
            onChange={(value) => setRole((value ?? 'official') as DelegationRole)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="member-role"
          />
          {failure && (
            <Text c="red.8" role="alert">
              {failure}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
