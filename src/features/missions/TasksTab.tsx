/** The support team's preparation tasks for a mission: owner, due date before departure, done. */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { db, repositories, runUnit } from '../../db';
import type { MissionSnapshot } from '../../db/snapshot';
import type { Task } from '../../domain/entities';
import { userFieldsOf } from '../../domain/entities/common';
import { TaskFields } from '../../domain/entities/task';
import { dueDate, isOverdue } from '../../domain/tasks';
import { formatDate } from '../../domain/time';
import { LOCALES } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { useUndo } from '../../stores/undo';
import { notifyError } from '../common/errors';
import { fieldErrorText } from '../common/forms/field-error';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import { notifyUndoable } from '../common/notify-undoable';

type Values = z.input<typeof TaskFields>;

function TaskRow({
  task,
  startDate,
  neighbours,
}: {
  task: Task;
  startDate: string;
  neighbours: { up?: Task; down?: Task };
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const record = useUndo((state) => state.record);
  const values = useMemo(() => userFieldsOf(task) as Values, [task]);
  const { form, state, error } = useAutosaveForm({
    schema: TaskFields,
    values,
    delayMs: 400,
    save: async (next) =>
      record({ label: t('form.saved'), steps: (await repositories.tasks.updateUndoable(task.id, next)).undo }),
  });
  const title = useController({ control: form.control, name: 'title' });
  const owner = useController({ control: form.control, name: 'owner' });
  const days = useController({ control: form.control, name: 'daysBeforeDeparture' });
  const done = useController({ control: form.control, name: 'done' });
  const today = new Date().toISOString().slice(0, 10);
  const swap = async (other: Task | undefined) => {
    if (!other) return;
    try {
      const { undo } = await runUnit(db, ['tasks'], async (unit) => {
        await unit.update('tasks', task.id, { order: other.order });
        await unit.update('tasks', other.id, { order: task.order });
      });
      record({ label: t('form.saved'), steps: undo });
    } catch (failure) {
      notifyError(t, failure);
    }
  };
  const remove = async () => {
    try {
      const undo = await repositories.tasks.remove(task.id);
      const label = t('form.deleted', { name: task.title });
      record({ label, steps: undo });
      notifyUndoable(t, label);
    } catch (failure) {
      notifyError(t, failure);
    }
  };
  return (
    <Table.Tr data-testid="task-row">
      <Table.Td>
        <Checkbox
          aria-label={t('tasks.doneLabel', { title: task.title })}
          checked={Boolean(done.field.value)}
          onChange={(event) => done.field.onChange(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('tasks.task')}
          value={String(title.field.value ?? '')}
          onChange={(event) => title.field.onChange(event.currentTarget.value)}
          error={fieldErrorText(t, title.fieldState.error)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('tasks.owner')}
          value={String(owner.field.value ?? '')}
          onChange={(event) => owner.field.onChange(event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={t('tasks.daysBefore')}
          w={90}
          min={-60}
          max={365}
          allowDecimal={false}
          value={Number(days.field.value ?? 0)}
          onChange={(value) => days.field.onChange(value === '' ? 0 : Number(value))}
          error={fieldErrorText(t, days.fieldState.error)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">
            {t('tasks.due', { date: formatDate(dueDate(startDate, task.daysBeforeDeparture), LOCALES[language]) })}
          </Text>
          {isOverdue(task, startDate, today) && (
            <Badge color="red.8" variant="light" data-testid="task-overdue">
              {t('tasks.overdue')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <SaveStatus state={state === 'saved' ? 'idle' : state} error={error} />
          <ActionIcon
            variant="subtle"
            color="gray.8"
            disabled={!neighbours.up}
            onClick={() => void swap(neighbours.up)}
            aria-label={t('tasks.moveUp', { title: task.title })}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            disabled={!neighbours.down}
            onClick={() => void swap(neighbours.down)}
            aria-label={t('tasks.moveDown', { title: task.title })}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red.8"
            onClick={() => void remove()}
            aria-label={t('tasks.removeButton', { title: task.title })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function TasksTab({ snapshot }: { snapshot: MissionSnapshot }) {
  const { t } = useTranslation();
  const record = useUndo((state) => state.record);
  const tasks = snapshot.tasks;
  const add = async () => {
    try {
      const { undo } = await repositories.tasks.createUndoable({
        missionId: snapshot.mission.id,
        title: t('tasks.newTask'),
        daysBeforeDeparture: 7,
        order: Math.max(-1, ...tasks.map((task) => task.order)) + 1,
      });
      record({ label: t('tasks.add'), steps: undo });
    } catch (error) {
      notifyError(t, error);
    }
  };
  return (
    <Stack data-testid="tasks-tab">
      <Group>
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => void add()} data-testid="add-task">
          {t('tasks.add')}
        </Button>
      </Group>
      {tasks.length === 0 ? (
        <Text>{t('tasks.empty')}</Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="tasks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tasks.done')}</Table.Th>
              <Table.Th scope="col">{t('tasks.task')}</Table.Th>
              <Table.Th scope="col">{t('tasks.owner')}</Table.Th>
              <Table.Th scope="col">{t('tasks.daysBefore')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('tasks.due', { date: '' })}</VisuallyHidden>
              </Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('form.edit')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.map((task, index) => (
              <TaskRow
                key={task.id}
                task={task}
                startDate={snapshot.mission.startDate}
                neighbours={{ up: tasks[index - 1], down: tasks[index + 1] }}
              />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
