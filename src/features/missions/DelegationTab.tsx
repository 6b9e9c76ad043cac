/** The delegation: who travels, in what role, when they arrive and leave, where they sleep. */
import { ActionIcon, Badge, Button, Drawer, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import type { MissionSnapshot } from '../../db/snapshot';
import type { DelegationMember, Person } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { sortDelegation } from '../../domain/dossier-view';
import { passportExpiresTooSoon } from '../../domain/readiness';
import { formatDate, formatDayIn, formatTimeIn } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { notifyUndoable } from '../common/notify-undoable';
import { AddMemberDialog } from './AddMemberDialog';
import { MemberEditor } from './MemberEditor';

function Arrival({ member }: { member: DelegationMember }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  if (!member.arrivalAt || !member.arrivalTimeZone) {
    return (
      <Text size="sm" c="gray.8">
        {t('delegationEdit.noArrival')}
      </Text>
    );
  }
  const locale = LOCALES[language];
  const mode = member.arrivalMode ? t(`delegationEdit.modes.${member.arrivalMode}`) : '';
  return (
    <Text size="sm">
      {formatDayIn(member.arrivalAt, member.arrivalTimeZone, locale)}{' '}
      {formatTimeIn(member.arrivalAt, member.arrivalTimeZone, locale)}
      {mode || member.arrivalNumber ? ` · ${[mode, member.arrivalNumber].filter(Boolean).join(' ')}` : ''}
    </Text>
  );
}

export function DelegationTab({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const record = useUndo((state) => state.record);
  const { tab, focusId } = useNavigation();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const people = useMemo(() => new Map<string, Person>(snapshot.people.map((p) => [p.id, p])), [snapshot.people]);
  const members = useMemo(() => sortDelegation(snapshot.delegation, (id) => people.get(id)), [snapshot, people]);

  // A readiness link opens the member it is about.
  useEffect(() => {
    if (tab === 'delegation' && focusId && snapshot.delegation.some((m) => m.id === focusId)) setEditing(focusId);
  }, [tab, focusId, snapshot.delegation]);

  const remove = async (member: DelegationMember) => {
    const person = people.get(member.personId);
    try {
      const undo = await repositories.delegation.remove(member.id);
      const label = t('delegationEdit.removed', { name: person ? displayName(person) : '' });
      record({ label, steps: undo });
      notifyUndoable(t, label);
    } catch (error) {
      notifyError(t, error);
    }
  };

  const editingMember = snapshot.delegation.find((m) => m.id === editing);
  const editingPerson = editingMember ? people.get(editingMember.personId) : undefined;
  return (
    <Stack data-testid="delegation-tab">
      <Group>
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          onClick={() => setAdding(true)}
          data-testid="add-member"
        >
          {t('delegationEdit.add')}
        </Button>
      </Group>
      {members.length === 0 ? (
        <Text>{t('mission.noDelegation')}</Text>
      ) : (
        <Table striped withTableBorder verticalSpacing="sm" data-testid="delegation-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('mission.name')}</Table.Th>
              <Table.Th scope="col">{t('mission.role')}</Table.Th>
              <Table.Th scope="col">{t('mission.jobTitle')}</Table.Th>
              <Table.Th scope="col">{t('delegationEdit.arrival')}</Table.Th>
              <Table.Th scope="col">{t('delegationEdit.hotel')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('form.edit')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const person = people.get(member.personId);
              const name = person ? displayName(person) : '—';
              const expiry = person?.passportExpiry ?? '';
              return (
                <Table.Tr key={member.id} data-testid="delegation-row">
                  <Table.Td fw={600}>
                    {name}
                    {passportExpiresTooSoon(expiry, snapshot.mission.endDate) && (
                      <Badge color="red.8" variant="light" ml="xs" data-testid="passport-warning">
                        {t('delegationEdit.passportWarning', { date: formatDate(expiry, LOCALES[language]) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`role.${member.role}`)}</Table.Td>
                  <Table.Td>{[person?.jobTitle, person?.organisationName].filter(Boolean).join(', ')}</Table.Td>
                  <Table.Td>
                    <Arrival member={member} />
                  </Table.Td>
                  <Table.Td>{member.hotel}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('delegationEdit.editButton', { name })}>
                        <ActionIcon
                          variant="subtle"
                          color="gray.8"
                          aria-label={t('delegationEdit.editButton', { name })}
                          onClick={() => setEditing(member.id)}
                        >
                          <IconPencil size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('delegationEdit.removeButton', { name })}>
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          aria-label={t('delegationEdit.removeButton', { name })}
                          onClick={() => void remove(member)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <AddMemberDialog
        opened={adding}
        onClose={() => setAdding(false)}
        missionId={snapshot.mission.id}
        memberIds={snapshot.delegation.map((m) => m.personId)}
      />
      <Drawer
        opened={editingMember !== undefined}
        onClose={() => setEditing(null)}
        position="right"
        size="lg"
        title={t('delegationEdit.edit', { name: editingPerson ? displayName(editingPerson) : '' })}
      >
        {editingMember && <MemberEditor member={editingMember} mission={snapshot.mission} />}
      </Drawer>
    </Stack>
  );
}
