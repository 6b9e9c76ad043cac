import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { AppError } from '../../domain/errors';

/** The user-facing text for any failure: the typed error's key, or a safe generic message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof AppError || (error instanceof Error && 'key' in error && typeof error.key === 'string')) {
    const key = (error as { key: string }).key;
    return t(key, { defaultValue: t('errors.unexpected') });
  }
  if (error instanceof Error && error.name === 'DatabaseClosedError') return t('errors.storage');
  return t('errors.unexpected');
}

/** A notification with a labelled close button (Mantine's has no accessible name of its own). */
export function notify(t: TFunction, options: { color: 'green' | 'red'; message: string; title?: string }) {
  notifications.show({
    ...options,
    autoClose: options.color === 'red' ? 10_000 : 4_000,
    closeButtonProps: { 'aria-label': t('app.close') },
  });
}

export function notifyError(t: TFunction, error: unknown) {
  console.warn(error);
  notify(t, { color: 'red', title: t('errors.title'), message: errorMessage(t, error) });
}
