import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { persistentStorage } from './platform/storage';
import { usePreferences } from './stores/preferences';

initI18n(usePreferences.getState().language);

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
