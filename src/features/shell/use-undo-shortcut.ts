/**
 * Ctrl+Z (Cmd+Z on a Mac) outside a text field undoes the last edit or delete of the app; inside
 * a field it stays the field's own undo, as in any desktop program.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndo } from '../../stores/undo';
import { notify, notifyError } from '../common/errors';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useUndoShortcut() {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z' || isTextField(event.target))
        return;
      const last = useUndo.getState().last;
      if (!last) return;
      event.preventDefault();
      useUndo
        .getState()
        .undo()
        .then(
          () => notify(t, { color: 'green', message: `${t('form.undone')} ${last.label}` }),
          (error: unknown) => notifyError(t, error),
        );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t]);
}
