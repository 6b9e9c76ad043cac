/**
 * The agenda item dialog: a new item is saved with an explicit button; an existing one saves
 * itself while it is edited, and can be deleted (with undo).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MissionSnapshot } from '../../db/snapshot';
import type { AgendaItem } from '../../domain/entities';
import { notifyError } from '../common/errors';
import { SaveStatus } from '../common/forms/SaveStatus';
import { useAutosaveForm } from '../common/forms/use-autosave-form';
import {
  agendaFormSchema,
  formValuesToItem,
  itemToFormValues,
  newItemValues,
  type AgendaFormInput,
  type AgendaFormValues,
} from './agenda-form';
import styles from './agenda.module.css';
import { WARNING_COLOR } from './conflict-text';
import { ItemFormFields, type ItemFormContext } from './ItemFormFields';
import type { AgendaWrites } from './use-agenda-writes';

export type EditorTarget =
  { readonly kind: 'new'; readonly date: string } | { readonly kind: 'edit'; readonly id: string };

/**
 * The fields' view of the mission, kept as the same object while what the fields show of it is
 * unchanged: every save reloads the snapshot with fresh objects.
 */
function useFormContext(snapshot: MissionSnapshot): ItemFormContext {
  const { mission, delegation, people } = snapshot;
  const key = JSON.stringify([
    mission.startDate,
    mission.endDate,
    mission.timeZone,
    delegation.map((member) => [member.personId, member.role]),
    people.map((person) => [person.id, person.hlc]),
  ]);
  const kept = useRef<{ key: string; context: ItemFormContext } | null>(null);
  if (kept.current?.key !== key) {
    kept.current = {
      key,
      context: {
        mission: { startDate: mission.startDate, endDate: mission.endDate, timeZone: mission.timeZone },
        delegation,
        people: new Map(people.map((person) => [person.id, person])),
      },
    };
  }
  return kept.current.context;
}

function useSchema(snapshot: MissionSnapshot) {
  const { startDate, endDate, travelBufferMinutes } = snapshot.mission;
  return useMemo(
    () => agendaFormSchema({ startDate, endDate, travelBufferMinutes }),
    [startDate, endDate, travelBufferMinutes],
  );
}

function CreateItemForm({
  snapshot,
  date,
  onClose,
  onCreated,
  writes,
}: {
  snapshot: MissionSnapshot;
  writes: AgendaWrites;
  date: string;
  onClose: () => void;
  onCreated: (item: AgendaItem) => void;
}) {
  const { t } = useTranslation();
  const schema = useSchema(snapshot);
  const context = useFormContext(snapshot);
  const form = useForm<AgendaFormInput, unknown, AgendaFormValues>({
    resolver: zodResolver(schema),
    defaultValues: newItemValues(snapshot.mission.id, date, snapshot.mission.timeZone),
    mode: 'onTouched',
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      onCreated(await writes.create(formValuesToItem(values)));
    } catch (error) {
      notifyError(t, error);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="agenda-create-form" className={styles.form}>
      <ItemFormFields control={form.control} context={context} />
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {t('form.save')}
        </Button>
      </Group>
    </form>
  );
}

function EditItemForm({
  snapshot,
  item,
  warnings,
  onClose,
  closing,
  writes,
}: {
  snapshot: MissionSnapshot;
  writes: AgendaWrites;
  item: AgendaItem;
  warnings: readonly string[];
  onClose: () => void;
  /** Set to this form's own way of closing, so Escape and the close button save what is pending. */
  closing: RefObject<(() => Promise<void>) | null>;
}) {
  const { t } = useTranslation();
  const schema = useSchema(snapshot);
  const context = useFormContext(snapshot);
  const values = useMemo(() => itemToFormValues(item), [item]);
  const save = useCallback(
    async (next: AgendaFormValues) => {
      await writes.update(item, formValuesToItem(next));
    },
    [writes, item],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema, values, save });
  /**
   * Enter in a field and "Done" save what is pending and close; so do Escape and the close
   * button, so a change still waiting for its autosave is never dropped. A valid change closes the
   * dialog at once and is saved behind it (a failure is reported, and nothing is half saved). An
   * invalid one is never saved: "Done" keeps the dialog open on its messages, Escape leaves it
   * (the item stays as it was). The values are read at the moment of closing: a render may not
   * have happened since the last keystroke.
   */
  const finish = useCallback(
    async (how: 'done' | 'dismiss') => {
      const current = form.getValues();
      if (JSON.stringify(current) === JSON.stringify(values)) return onClose();
      const parsed = schema.safeParse(current);
      if (!parsed.success) {
        if (how === 'dismiss') return onClose();
        await flush();
        return;
      }
      onClose();
      try {
        await save(parsed.data);
      } catch (failure) {
        notifyError(t, failure);
      }
    },
    [form, values, schema, flush, save, onClose, t],
  );
  useEffect(() => {
    closing.current = () => finish('dismiss');
    return () => {
      closing.current = null;
    };
  }, [closing, finish]);

  const remove = async () => {
    try {
      await writes.remove(item);
      onClose();
    } catch (failure) {
      notifyError(t, failure);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void finish('done');
      }}
      noValidate
      data-testid="agenda-edit-form"
      className={styles.form}
    >
      <Stack gap="md">
        {warnings.length > 0 && (
          <Alert
            color={WARNING_COLOR}
            variant="outline"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('agenda.conflict.onItem')}
          >
            <Stack gap={4}>
              {warnings.map((warning, index) => (
                <Text size="sm" key={index}>
                  {warning}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <ItemFormFields control={form.control} context={context} />
      </Stack>
      <Group justify="space-between" mt="lg">
        <Button
          variant="outline"
          color="utrecht"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => void remove()}
          data-testid="agenda-delete"
        >
          {t('agenda.deleteItem')}
        </Button>
        <Group gap="md">
          <SaveStatus state={state} error={error} />
          <Button type="submit">{t('agenda.done')}</Button>
        </Group>
      </Group>
    </form>
  );
}

export function ItemDialog({
  target,
  snapshot,
  writes,
  warningsOf,
  onClose,
  onGone,
  onCreated,
}: {
  target: EditorTarget | null;
  snapshot: MissionSnapshot;
  writes: AgendaWrites;
  warningsOf: (id: string) => readonly string[];
  onClose: () => void;
  /** After the closing animation: the caller puts focus where it belongs. */
  onGone: () => void;
  onCreated: (item: AgendaItem) => void;
}) {
  const { t } = useTranslation();
  const closing = useRef<(() => Promise<void>) | null>(null);
  const item = target?.kind === 'edit' ? snapshot.agenda.find((entry) => entry.id === target.id) : undefined;
  // An item deleted elsewhere (sync, undo) closes its editor.
  const opened = target?.kind === 'new' || item !== undefined;
  return (
    <Modal
      opened={opened}
      onClose={() => void (closing.current ? closing.current() : onClose())}
      title={target?.kind === 'new' ? t('agenda.newItemTitle') : t('agenda.editItemTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      returnFocus={false}
      onExitTransitionEnd={onGone}
    >
      {target?.kind === 'new' && (
        <CreateItemForm
          snapshot={snapshot}
          writes={writes}
          date={target.date}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
      {item && (
        <EditItemForm
          key={item.id}
          snapshot={snapshot}
          writes={writes}
          item={item}
          warnings={warningsOf(item.id)}
          onClose={onClose}
          closing={closing}
        />
      )}
    </Modal>
  );
}
