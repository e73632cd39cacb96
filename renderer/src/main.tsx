import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@codegouvfr/react-dsfr/main.css';
import './app.css';
import { App } from './App.js';
import { StoreProvider } from './store/context.js';
import { createAppStore } from './store/store.js';
import { createApiClient } from './transport/api-client.js';

startReactDsfr({ defaultColorScheme: 'light' });

const store = createAppStore(createApiClient());
window.addEventListener('popstate', () => store.getState().syncRouteFromLocation());
void store.getState().start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
