import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './app/i18n';
import './app/styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // Not needed for the first screen; keeps workbox-window out of the entry chunk.
  void import('./app/pwa/register-service-worker').then((m) => m.registerServiceWorker());
});
