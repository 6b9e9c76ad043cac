/** One organisation in the registry list: name (and its own-script name), city, country, line of business, kind. */
import { useTranslation } from 'react-i18next';
import { countryName } from '../../domain/countries';
import type { Organisation } from '../../domain/entities';
import { usePreferences } from '../../stores/preferences';
import styles from '../common/registry-row.module.css';

export function OrganisationRow({
  organisation,
  selected,
  onOpen,
}: {
  organisation: Organisation;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const language = usePreferences((state) => state.language);
  return (
    <button
      type="button"
      className={styles.row}
      onClick={() => onOpen(organisation.id)}
      aria-current={selected ? 'true' : undefined}
      data-testid="organisation-row"
    >
      <span className={styles.text}>
        <span className={styles.name} data-testid="organisation-name">
          {organisation.name}
          {organisation.localName && (
            <span className={`local-name ${styles.localName}`} lang={organisation.localNameLang || undefined}>
              {' '}
              {organisation.localName}
            </span>
          )}
        </span>
        <span className={styles.detail}>
          {[organisation.city, countryName(organisation.countryCode, language), organisation.industry]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <span className={styles.badge}>{t(`organisationKind.${organisation.kind}`)}</span>
    </button>
  );
}
