import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { warmSearch } from './features/search/SearchDialog';
import { initI18n } from './i18n';
import { persistentStorage } from './platform/storage';
import { usePreferences } from './stores/preferences';

initI18n(usePreferences.getState().language);
// The search worker starts before the first screen renders: it asks IndexedDB for the saved
// index's row before the screen's own reads (a registry's count) take their turn, and decodes the
// index file meanwhile, so the first query finds the index open.
warmSearch();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Ask once per start, off the critical path, that the browser keep the dossiers under storage pressure.
setTimeout(() => void persistentStorage(), 2000);
