import { Drawer, MantineProvider, Modal, mergeThemeOverrides } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ErrorBoundary } from '../features/common/ErrorBoundary';
import { AppShellLayout } from '../features/shell/AppShellLayout';
import { i18next } from '../i18n';
import { useNavigation } from '../stores/navigation';
import { usePreferences } from '../stores/preferences';
import { theme } from './theme';

export function App() {
  const language = usePreferences((state) => state.language);
  const syncFromHash = useNavigation((state) => state.syncFromHash);
  // Dialogs' close buttons are icons: they get their name in the user's language here, once.
  const localisedTheme = useMemo(() => {
    const closeButtonProps = { 'aria-label': i18next.t('app.close', { lng: language }) };
    return mergeThemeOverrides(theme, {
      components: {
        Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
        Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      },
    });
  }, [language]);

  useEffect(() => {
    void i18next.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    const onPop = () => syncFromHash(window.location.hash);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [syncFromHash]);

  return (
    <I18nextProvider i18n={i18next}>
      <MantineProvider theme={localisedTheme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <ErrorBoundary>
          <AppShellLayout />
        </ErrorBoundary>
      </MantineProvider>
    </I18nextProvider>
  );
}
