import { AppShell, Box, Group, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconBriefcase,
  IconBuildingSkyscraper,
  IconRefresh,
  IconSearch,
  IconSettings,
  IconUsers,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useUndoShortcut } from './use-undo-shortcut';
import { useTranslation } from 'react-i18next';
import { AREAS, useNavigation, type Area } from '../../stores/navigation';
import { MissionsScreen } from '../missions/MissionsScreen';
import { SearchDialog, SearchShortcutHint, useSearchShortcut } from '../search/SearchDialog';

// Missions is the start screen and ships in the main bundle; the others load when opened.
const CompaniesScreen = lazy(() => import('../companies/CompaniesScreen'));
const PeopleScreen = lazy(() => import('../people/PeopleScreen'));
const CountriesScreen = lazy(() => import('../countries/CountriesScreen'));
const SyncScreen = lazy(() => import('../sync/SyncScreen'));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen'));

const ICONS: Record<Area, Icon> = {
  missions: IconBriefcase,
  companies: IconBuildingSkyscraper,
  people: IconUsers,
  countries: IconWorld,
  sync: IconRefresh,
  settings: IconSettings,
};

function screenFor(area: Area): ReactNode {
  switch (area) {
    case 'missions':
      return <MissionsScreen />;
    case 'companies':
      return <CompaniesScreen />;
    case 'people':
      return <PeopleScreen />;
    case 'countries':
      return <CountriesScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function AppShellLayout() {
  const { t } = useTranslation();
  const area = useNavigation((state) => state.area);
  const go = useNavigation((state) => state.go);
  const missionId = useNavigation((state) => state.missionId);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useUndoShortcut();
  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useSearchShortcut(openSearch);

  // After a move to another screen, focus goes to its content, so a screen reader announces it
  // and the keyboard continues there; on first load the browser keeps its own focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [area, missionId]);

  return (
    <AppShell navbar={{ width: 264, breakpoint: 0 }} padding="xl">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell.Navbar p="md" bg="gray.0">
        <Stack gap="lg" h="100%">
          <UnstyledButton onClick={() => go('missions')} aria-label={t('app.name')}>
            <Group gap="sm" wrap="nowrap">
              <Box
                w={36}
                h={36}
                bg="utrecht.8"
                c="white"
                style={{ borderRadius: 6, display: 'grid', placeItems: 'center', fontWeight: 700 }}
                aria-hidden
              >
                MD
              </Box>
              <Box>
                <Text fw={700} lh={1.2}>
                  {t('app.name')}
                </Text>
                <Text size="xs" c="gray.8">
                  {t('app.tagline')}
                </Text>
              </Box>
            </Group>
          </UnstyledButton>
          <NavLink
            component="button"
            label={t('search.button')}
            leftSection={<IconSearch size={20} stroke={1.6} aria-hidden />}
            rightSection={<SearchShortcutHint />}
            onClick={openSearch}
            aria-keyshortcuts="Control+K Meta+K"
            data-testid="open-search"
            style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-4)' }}
          />
          <nav aria-label={t('nav.label')}>
            <Stack gap={2}>
              {AREAS.map((item) => {
                const ItemIcon = ICONS[item];
                return (
                  <NavLink
                    key={item}
                    component="button"
                    label={t(`nav.${item}`)}
                    leftSection={<ItemIcon size={20} stroke={1.6} aria-hidden />}
                    active={area === item}
                    aria-current={area === item ? 'page' : undefined}
                    onClick={() => go(item)}
                    variant="filled"
                    data-testid={`nav-${item}`}
                    style={{ borderRadius: 6 }}
                  />
                );
              })}
            </Stack>
          </nav>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} ref={mainRef}>
        <Suspense fallback={<Text role="status">{t('app.loading')}</Text>}>{screenFor(area)}</Suspense>
      </AppShell.Main>
      <SearchDialog opened={searching} onClose={() => setSearching(false)} />
    </AppShell>
  );
}
