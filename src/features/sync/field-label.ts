/** The name a conflict's field has on the screens that edit it, so the Sync screen speaks the same words. */
import type { i18n as I18n } from 'i18next';
import type { EntityTable } from '../../domain/entities';

/** Where each editing screen keeps its field labels in the catalogs. */
const LABELS: Partial<Record<EntityTable, string>> = {
  agenda: 'agenda.form',
  organisations: 'companies.field',
  people: 'people.field',
};

/** The screen's label for the field, or the field's own name when no screen labels it. */
export function fieldLabel(i18n: I18n, table: EntityTable | null, field: string): string {
  const section = table ? LABELS[table] : undefined;
  if (!section) return field;
  const label: unknown = i18n.getResource(i18n.language, 'translation', `${section}.${field}`);
  return typeof label === 'string' ? label : field;
}
