import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useUndo } from '../../stores/undo';
import { notify, notifyError } from './errors';

/** A confirmation with an Undo button that undoes the last recorded action. */
export function notifyUndoable(t: TFunction, message: string) {
  const id = `undo-${Date.now()}`;
  const undo = () => {
    notifications.hide(id);
    useUndo
      .getState()
      .undo()
      .then(
        () => notify(t, { color: 'green', message: t('form.undone') }),
        (error: unknown) => notifyError(t, error),
      );
  };
  notifications.show({
    id,
    color: 'green',
    message: (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm">{message}</Text>
        {/* Never narrowed by a long message: "Ongedaan maken" stays whole. */}
        <Button size="compact-sm" variant="light" onClick={undo} data-testid="undo" style={{ flexShrink: 0 }}>
          {t('form.undo')}
        </Button>
      </Group>
    ),
    autoClose: 10_000,
    closeButtonProps: { 'aria-label': t('app.close') },
  });
}
