/** Conflicts to review side by side (field, mine vs theirs, when) with keep mine / keep theirs / edit. */
import { Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { useUndo } from '../../stores/undo';
import { notify, notifyError } from '../common/errors';
import { displayValue, readConflicts, resolveConflict, type ConflictView } from './conflicts';
import { fieldLabel } from './field-label';
import { formatWhen } from './format-when';

export function ConflictsPanel() {
  const { t } = useTranslation();
  const conflicts = useLiveQuery(() => readConflicts(db), []);
  const [editing, setEditing] = useState<ConflictView | null>(null);

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={2} size="h3">
          {t('syncScreen.conflictsTitle')}
        </Title>
        {conflicts && conflicts.length === 0 && <Text>{t('syncScreen.conflictsEmpty')}</Text>}
        {conflicts && conflicts.length > 0 && (
          <>
            <Text>{t('syncScreen.conflictsIntro')}</Text>
            <Stack component="ul" aria-label={t('syncScreen.conflictList')} p={0} m={0} style={{ listStyle: 'none' }}>
              {conflicts.map((conflict) => (
                <li key={conflict.key}>
                  <ConflictCard conflict={conflict} onEdit={() => setEditing(conflict)} />
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
      {editing && <EditDialog conflict={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function useResolve() {
  const { t } = useTranslation();
  return async (conflict: ConflictView, value: unknown): Promise<boolean> => {
    try {
      const steps = await resolveConflict(db, conflict, value);
      useUndo.getState().record({ label: t('syncScreen.resolved'), steps });
      notify(t, { color: 'green', message: t('syncScreen.resolved') });
      return true;
    } catch (error) {
      notifyError(t, error);
      return false;
    }
  };
}

function Side({ label, value, at, kept }: { label: string; value: string; at: string; kept: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={600} c="gray.8">
          {label}
        </Text>
        {kept && (
          <Badge color="gray.8" variant="outline" size="sm">
            {t('syncScreen.kept')}
          </Badge>
        )}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value === '' ? t('syncScreen.empty') : value}
      </Text>
      {at && (
        <Text size="sm" c="gray.8">
          {t('syncScreen.writtenAt', { when: formatWhen(at, i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}

function ConflictCard({ conflict, onEdit }: { conflict: ConflictView; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolve();
  const deleteEdit = conflict.field === 'deleted';
  const show = (value: unknown) =>
    deleteEdit ? (value === 1 ? t('syncScreen.deletedValue') : t('syncScreen.keptValue')) : displayValue(value);
  const editable = !deleteEdit && [conflict.local.value, conflict.remote.value].every((v) => typeof v === 'string');
  const table = t(`syncScreen.tables.${conflict.entity ?? 'unknown'}`);
  return (
    <Paper withBorder p="sm" data-testid="conflict">
      <Stack gap="xs">
        <Text fw={600}>
          {table}
          {conflict.label ? `: ${conflict.label}` : ''}
        </Text>
        {deleteEdit ? (
          <Text size="sm">{t('syncScreen.deleteEditIntro')}</Text>
        ) : (
          <Text size="sm">
            {t('syncScreen.field')}: <strong>{fieldLabel(i18n, conflict.entity, conflict.field)}</strong>
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Side
            label={t('syncScreen.mine')}
            value={show(conflict.local.value)}
            at={conflict.mineAt}
            kept={conflict.kept === 'local'}
          />
          <Side
            label={t('syncScreen.theirs')}
            value={show(conflict.remote.value)}
            at={conflict.theirsAt}
            kept={conflict.kept === 'remote'}
          />
        </SimpleGrid>
        <Group>
          <Button size="xs" variant="default" onClick={() => void resolve(conflict, conflict.local.value)}>
            {t('syncScreen.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={() => void resolve(conflict, conflict.remote.value)}>
            {t('syncScreen.keepTheirs')}
          </Button>
          {editable && (
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('syncScreen.edit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function EditDialog({ conflict, onClose }: { conflict: ConflictView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const resolve = useResolve();
  const [value, setValue] = useState(
    displayValue(conflict.kept === 'local' ? conflict.local.value : conflict.remote.value),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('syncScreen.editTitle', { field: fieldLabel(i18n, conflict.entity, conflict.field) })}
      closeButtonProps={{ 'aria-label': t('app.close') }}
    >
      <Stack>
        <Textarea
          label={t('syncScreen.editLabel')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button onClick={() => void resolve(conflict, value).then((done) => done && onClose())}>
            {t('form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
