import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';

// Dexie and IndexedDB failures that mean local storage cannot be used right now (blocked by
// policy, disk full, database closed by an upgrade in another window).
const STORAGE_ERRORS = new Set([
  'OpenFailedError',
  'DatabaseClosedError',
  'MissingAPIError',
  'QuotaExceededError',
  'InvalidStateError',
  'UnknownError',
  'AbortError',
]);

/** The user-facing text for any failure: the typed error's key, or a safe generic message. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof Error && 'key' in error && typeof error.key === 'string' && error.key.startsWith('errors.')) {
    return t(error.key, { defaultValue: t('errors.unexpected') });
  }
  if (error instanceof Error) {
    const inner = 'inner' in error && error.inner instanceof Error ? error.inner.name : '';
    if (STORAGE_ERRORS.has(error.name) || STORAGE_ERRORS.has(inner)) return t('errors.storage');
  }
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
