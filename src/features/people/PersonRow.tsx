/**
 * One person in the registry list: name, function and organisation, kind. Sensitive fields are
 * never shown here, only that there are some (a lock badge).
 */
import { IconLock } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db, queries } from '../../db';
import type { Person } from '../../domain/entities';
import { displayName } from '../../domain/entities/person';
import { SENSITIVE_FIELDS } from '../../domain/sensitive-fields';
import styles from '../common/registry-row.module.css';

/** The registry organisation's name; read only for the few rows that link one without a name. */
function OrganisationName({ id }: { id: string }) {
  const organisation = useLiveQuery(() => queries.organisationById(db, id), [id]);
  return organisation?.name ?? '';
}

export function PersonRow({
  person,
  selected,
  onOpen,
}: {
  person: Person;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const hasSensitive = SENSITIVE_FIELDS.people.some((field) => person[field] !== '');
  const organisation =
    person.organisationName || (person.organisationId ? <OrganisationName id={person.organisationId} /> : null);
  return (
    <button
      type="button"
      className={styles.row}
      onClick={() => onOpen(person.id)}
      aria-current={selected ? 'true' : undefined}
      data-testid="person-row"
    >
      <span className={styles.text}>
        <span className={styles.name}>{displayName(person)}</span>
        <span className={styles.detail}>
          {person.jobTitle}
          {person.jobTitle && organisation ? ' · ' : ''}
          {organisation}
        </span>
      </span>
      <span className={styles.badges}>
        {hasSensitive && (
          // A lock only, so the name keeps its room when the detail panel narrows the list.
          <span className={`${styles.badge} ${styles.lock}`} title={t('people.sensitiveMasked')}>
            <IconLock size={12} aria-hidden />
            <span className={styles.visuallyHidden}>{t('people.sensitiveMasked')}</span>
          </span>
        )}
        <span className={styles.badge}>{t(`personKind.${person.kind}`)}</span>
      </span>
    </button>
  );
}
