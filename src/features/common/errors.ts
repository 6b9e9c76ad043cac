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

export function notifyError(t: TFunction, error: unknown) {
  console.warn(error);
  notifications.show({ color: 'red', title: t('errors.title'), message: errorMessage(t, error), autoClose: 10_000 });
}
