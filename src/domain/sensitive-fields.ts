/**
 * The single registry of sensitive personal fields. The UI masks them, and every export (book,
 * dossier file, CSV) leaves them out unless the user explicitly includes them.
 */
import type { PersonFields } from './entities/person';

export const SENSITIVE_FIELDS = {
  people: ['passportNumber', 'passportExpiry', 'dateOfBirth', 'dietaryNeeds', 'medicalNotes', 'emergencyContact'],
} as const satisfies { people: readonly (keyof PersonFields)[] };

export type SensitiveTable = keyof typeof SENSITIVE_FIELDS;

export function isSensitive(table: string, field: string): boolean {
  const fields: readonly string[] | undefined = (SENSITIVE_FIELDS as Record<string, readonly string[]>)[table];
  return fields?.includes(field) ?? false;
}

/** A copy of the record with every sensitive field emptied. */
export function withoutSensitive<T extends Record<string, unknown>>(table: string, record: T): T {
  const copy: Record<string, unknown> = { ...record };
  for (const field of Object.keys(copy)) {
    if (isSensitive(table, field)) copy[field] = '';
  }
  return copy as T;
}
