/**
 * The one search box (Ctrl/Cmd+K): missions, organisations, people, notes and country sheets found as you type,
 * grouped by kind; arrow keys move through the results and Enter opens one.
 */
import { Group, Kbd, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db';
import { countryName } from '../../domain/countries';
import type { SearchGroup, SearchHit } from '../../search/search-index';
import { useNavigation } from '../../stores/navigation';
import { usePreferences } from '../../stores/preferences';
import { notifyError } from '../common/errors';
import { SearchClient, type SearchWorkerLike } from './search-client';
import { SearchService } from './search-service';

let shared: SearchClient | null = null;
/** One search for the app: its index lives in a worker as long as the page. */
function searchService(): SearchClient {
  shared ??= new SearchClient(
    () =>
      typeof Worker === 'function'
        ? (new Worker(new URL('./search-worker.ts', import.meta.url), {
            type: 'module',
          }) as unknown as SearchWorkerLike)
        : null,
    () => new SearchService(db),
  );
  return shared;
}

/**
 * Starts reopening the saved search index in its worker, so the first query finds it open. Called
 * once as the app starts (main.tsx), before the first render: the worker reads and decodes it off
 * the window's thread (and builds nothing when there is no saved index).
 */
export function warmSearch(): void {
  searchService()
    .warm()
    .catch((error: unknown) => console.warn('search index not opened ahead of the first query', error));
}

const KINDS = ['missions', 'organisations', 'people', 'notes', 'countrySheets'] as const;
type Kind = (typeof KINDS)[number];

function isKind(kind: string): kind is Kind {
  return (KINDS as readonly string[]).includes(kind);
}

function optionId(hit: SearchHit): string {
  return `search-option-${hit.kind}-${hit.id}`;
}

export function SearchDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<readonly SearchGroup[]>([]);
  const [active, setActive] = useState(0);
  const openMission = useNavigation((state) => state.openMission);
  const openRecord = useNavigation((state) => state.openRecord);
  const language = usePreferences((state) => state.language);

  useEffect(() => {
    if (!opened) setQuery('');
  }, [opened]);

  useEffect(() => {
    let current = true;
    if (!query.trim()) {
      setGroups([]);
      return;
    }
    searchService()
      .search(query, 5)
      .then(
        (found) => {
          if (!current) return;
          setGroups(found.filter((group) => isKind(group.kind)));
          setActive(0);
        },
        (error: unknown) => notifyError(t, error),
      );
    return () => {
      current = false;
    };
  }, [query, t]);

  const hits = useMemo(() => groups.flatMap((group) => group.hits), [groups]);
  const activeHit = hits[active];

  const open = (hit: SearchHit) => {
    onClose();
    if (hit.kind === 'missions') openMission(hit.id);
    else if (hit.kind === 'organisations') openRecord('companies', hit.id);
    else if (hit.kind === 'people') openRecord('people', hit.id);
    // Notes and country sheets open on the Countries screen, with the note or the sheet in focus.
    else openRecord('countries', hit.id);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (hits.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => (index - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter' && activeHit) {
      event.preventDefault();
      open(activeHit);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('search.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('app.close') }}
      data-testid="search-dialog"
    >
      <Stack gap="sm">
        <TextInput
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          data-autofocus
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="search-results"
          aria-autocomplete="list"
          aria-activedescendant={activeHit ? optionId(activeHit) : undefined}
          data-testid="search-input"
        />
        {query.trim() !== '' && hits.length === 0 && (
          <Text role="status" size="sm">
            {t('search.noResults')}
          </Text>
        )}
        <div id="search-results" role="listbox" aria-label={t('search.results')}>
          {groups.map((group) => (
            <div key={group.kind} role="group" aria-labelledby={`search-group-${group.kind}`}>
              <Text id={`search-group-${group.kind}`} size="xs" fw={700} tt="uppercase" c="gray.8" mt="sm" mb={4}>
                {isKind(group.kind) ? t(`search.kinds.${group.kind}`) : group.kind} ({group.total})
              </Text>
              {group.hits.map((hit) => {
                const selected = hit === activeHit;
                // A country sheet is named in the reader's language; its plan year says which plan.
                const sheet = hit.kind === 'countrySheets';
                const title = sheet && hit.ref ? countryName(hit.ref, language) : hit.title;
                // A record's countries too (`ref` holds their codes), after its cities or own-script name.
                const subtitle = sheet
                  ? hit.subtitle && t('search.planYear', { year: hit.subtitle })
                  : [hit.subtitle, ...hit.ref.split(',').flatMap((code) => (code ? [countryName(code, language)] : []))]
                      .filter(Boolean)
                      .join(', ');
                return (
                  <UnstyledButton
                    key={hit.id}
                    id={optionId(hit)}
                    role="option"
                    aria-selected={selected}
                    tabIndex={-1}
                    onClick={() => open(hit)}
                    onMouseEnter={() => setActive(hits.indexOf(hit))}
                    w="100%"
                    px="sm"
                    py={6}
                    bg={selected ? 'utrecht.0' : undefined}
                    style={{ borderRadius: 6 }}
                    data-testid="search-result"
                  >
                    <Text size="sm" fw={600}>
                      {title}
                    </Text>
                    {subtitle && (
                      <Text size="xs" c="gray.8">
                        {subtitle}
                      </Text>
                    )}
                  </UnstyledButton>
                );
              })}
            </div>
          ))}
        </div>
        <Group gap={6}>
          <Text size="xs" c="gray.8">
            {t('search.hint')}
          </Text>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Ctrl+K (Cmd+K on a Mac) opens the search box from anywhere. */
export function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}

export function SearchShortcutHint() {
  return (
    <Group gap={2} aria-hidden>
      <Kbd size="xs">Ctrl</Kbd>
      <Kbd size="xs">K</Kbd>
    </Group>
  );
}
