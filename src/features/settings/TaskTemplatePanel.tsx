/** Settings: the preparation tasks every new mission starts with, editable by the team. */
import { ActionIcon, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db, taskTemplate } from '../../db';
import { usePreferences } from '../../stores/preferences';
import { notify, notifyError } from '../common/errors';

type Row = { title: string; daysBeforeDeparture: number };

export function TaskTemplatePanel() {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [invalid, setInvalid] = useState(false);

  useEffect(() => {
    let alive = true;
    taskTemplate.readTaskTemplate(db, language).then(
      (template) => alive && setRows(template),
      (error: unknown) => notifyError(t, error),
    );
    return () => {
      alive = false;
    };
  }, [language, t]);

  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current?.map((row, i) => (i === index ? { ...row, ...patch } : row)) ?? null);
  const save = async () => {
    if (!rows) return;
    const bad = rows.some((row) => row.title.trim() === '');
    setInvalid(bad);
    if (bad) return;
    try {
      setRows(await taskTemplate.saveTaskTemplate(db, rows));
      notify(t, { color: 'green', message: t('taskTemplate.saved') });
    } catch (error) {
      notifyError(t, error);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="task-template-title" data-testid="task-template">
      <Title order={2} size="h4" id="task-template-title">
        {t('taskTemplate.title')}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {t('taskTemplate.help')}
      </Text>
      {rows && (
        <Stack gap="xs">
          {rows.map((row, index) => (
            <Group key={index} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                aria-label={t('tasks.task')}
                value={row.title}
                onChange={(event) => change(index, { title: event.currentTarget.value })}
                error={invalid && row.title.trim() === '' ? t('validation.required') : undefined}
                style={{ flex: 1 }}
              />
              <NumberInput
                aria-label={t('tasks.daysBefore')}
                w={110}
                min={-60}
                max={365}
                allowDecimal={false}
                value={row.daysBeforeDeparture}
                onChange={(value) => change(index, { daysBeforeDeparture: value === '' ? 0 : Number(value) })}
              />
              <ActionIcon
                variant="subtle"
                color="red.8"
                mt={6}
                aria-label={t('tasks.removeButton', { title: row.title })}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setRows([...rows, { title: '', daysBeforeDeparture: 7 }])}
            >
              {t('tasks.add')}
            </Button>
            <Button onClick={() => void save()} data-testid="save-task-template">
              {t('form.save')}
            </Button>
            <Button variant="subtle" onClick={() => setRows(taskTemplate.builtInTaskTemplate(language))}>
              {t('taskTemplate.reset')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
