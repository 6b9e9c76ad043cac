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
import { ItemFormFields } from './ItemFormFields';
import { useAgendaWrites } from './use-agenda-writes';

export type EditorTarget =
  { readonly kind: 'new'; readonly date: string } | { readonly kind: 'edit'; readonly id: string };

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
}: {
  snapshot: MissionSnapshot;
  date: string;
  onClose: () => void;
  onCreated: (item: AgendaItem) => void;
}) {
  const { t } = useTranslation();
  const writes = useAgendaWrites();
  const schema = useSchema(snapshot);
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
      <ItemFormFields control={form.control} snapshot={snapshot} />
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
}: {
  snapshot: MissionSnapshot;
  item: AgendaItem;
  warnings: readonly string[];
  onClose: () => void;
  /** Set to this form's own way of closing, so Escape and the close button save what is pending. */
  closing: RefObject<(() => Promise<void>) | null>;
}) {
  const { t } = useTranslation();
  const writes = useAgendaWrites();
  const schema = useSchema(snapshot);
  const values = useMemo(() => itemToFormValues(item), [item]);
  const failed = useRef(false);
  const save = useCallback(
    async (next: AgendaFormValues) => {
      failed.current = true;
      await writes.update(item, formValuesToItem(next));
      failed.current = false;
    },
    [writes, item],
  );
  const { form, state, error, flush } = useAutosaveForm({ schema, values, save });
  const dirty = form.formState.isDirty;

  /**
   * Enter in a field and "Done" save what is pending at once and close. Closing never drops a
   * change that was still waiting for its autosave; a change that is not valid is not saved.
   */
  const finish = useCallback(async () => {
    if (dirty && (await form.trigger())) {
      await flush();
      if (failed.current) return;
    }
    onClose();
  }, [dirty, form, flush, onClose]);
  useEffect(() => {
    closing.current = finish;
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
        void finish();
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
        <ItemFormFields control={form.control} snapshot={snapshot} />
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
  warningsOf,
  onClose,
  onCreated,
}: {
  target: EditorTarget | null;
  snapshot: MissionSnapshot;
  warningsOf: (id: string) => readonly string[];
  onClose: () => void;
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
    >
      {target?.kind === 'new' && (
        <CreateItemForm snapshot={snapshot} date={target.date} onClose={onClose} onCreated={onCreated} />
      )}
      {item && (
        <EditItemForm
          key={item.id}
          snapshot={snapshot}
          item={item}
          warnings={warningsOf(item.id)}
          onClose={onClose}
          closing={closing}
        />
      )}
    </Modal>
  );
}
